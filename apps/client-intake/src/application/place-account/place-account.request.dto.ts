import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO4217CurrencyCode,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsPositiveMinorUnits } from '@lib/platform';

export class InvoiceDto {
  @ApiProperty({ example: 'INV-1001' }) @IsString() @IsNotEmpty() @MaxLength(64) number!: string;
  @ApiProperty({ format: 'date', example: '2026-01-15' }) @IsCalendarDate() issueDate!: string;
  @ApiProperty({ format: 'date', example: '2026-02-14' }) @IsCalendarDate() dueDate!: string;
  @ApiProperty({ description: 'Minor units (cents)', example: 250000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) @IsPositiveMinorUnits() originalAmount!: number;
  @ApiProperty({ example: 'USD' }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' }) @IsISO4217CurrencyCode() currency!: string;
}

export class DebtorDto {
  @ApiProperty({ enum: ['company', 'person'] }) @IsIn(['company', 'person']) kind!: 'company' | 'person';
  @ApiProperty({ example: 'Acme Widgets LLC' }) @IsString() @IsNotEmpty() @MaxLength(200) legalName!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) taxId?: string;
  @ApiProperty({ example: 'US' }) @IsISO31661Alpha2() country!: string;
  @ApiPropertyOptional({ example: 'NY' }) @IsOptional() @IsString() @MaxLength(8) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) phone?: string;
}

/**
 * The request is held to what `AccountPlaced.v1` (libs/contracts) carries: a placement
 * acknowledged here must never be refused by a consumer. Hence dates as `YYYY-MM-DD`, safe
 * integer amounts (the total too, checked with the other cross-field rules in the domain)
 * and a debtor object that must be there.
 */
export class PlaceAccountRequest {
  @ApiProperty({ description: "The client's own reference, unique per client", example: 'NW-2026-0001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  clientReference!: string;

  @ApiProperty({ description: 'Commercial (true) or consumer (false) debt' }) @IsBoolean() commercial!: boolean;

  // @ValidateNested alone lets a missing debtor through: it checks only what is there.
  @ApiProperty({ type: DebtorDto }) @IsObject() @ValidateNested() @Type(() => DebtorDto) debtor!: DebtorDto;

  @ApiProperty({ type: [InvoiceDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => InvoiceDto)
  invoices!: InvoiceDto[];
}
