import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { BANKRUPTCY_CHAPTERS, BankruptcyChapter, HOLD_KINDS, HoldKind, PLACEABLE_HOLD_KINDS, PlaceableHoldKind } from '../../domain/holds/hold.events';

export class BankruptcyFilingDto {
  @ApiProperty({ enum: BANKRUPTCY_CHAPTERS, example: 7 }) @IsIn(BANKRUPTCY_CHAPTERS) chapter!: BankruptcyChapter;
  @ApiProperty({ example: '1:26-bk-10001', minLength: 1, maxLength: 64 }) @IsString() @MinLength(1) @MaxLength(64) caseNumber!: string;
  @ApiProperty({ example: '2026-01-02', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'filedOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  filedOn!: string;
}

export class PlaceHoldRequest {
  @ApiProperty({ enum: PLACEABLE_HOLD_KINDS, description: 'A dispute hold comes with its dispute, a skip hold with its evidence (their own endpoints).' })
  @IsIn(PLACEABLE_HOLD_KINDS)
  kind!: PlaceableHoldKind;
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'client reviewing the account' }) @IsString() @MinLength(1) @MaxLength(500) reason!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the hold ends on its own (not for a bankruptcy); absent: until lifted.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  endsAt?: string;
  @ApiPropertyOptional({ type: BankruptcyFilingDto, description: 'Required for kind bankruptcy, refused for the others.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BankruptcyFilingDto)
  bankruptcy?: BankruptcyFilingDto;
}

export class HoldPlacedAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) holdId!: string;
  @ApiProperty({ enum: HOLD_KINDS }) kind!: HoldKind;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endsAt!: string | null;
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
}
