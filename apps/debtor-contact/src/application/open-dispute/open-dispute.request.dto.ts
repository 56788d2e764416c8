import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsPositiveMinorUnits } from '@lib/platform';
import { DISPUTE_OPENERS, DisputeOpener } from '../../domain/disputes/dispute.events';

export class DisputedInvoiceDto {
  @ApiProperty({ example: 'INV-1001', minLength: 1, maxLength: 64 }) @IsString() @MinLength(1) @MaxLength(64) invoiceNumber!: string;
  @ApiProperty({ type: 'integer', description: 'Minor units disputed on this invoice', example: 250000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) @IsPositiveMinorUnits() amount!: number;
}

export class OpenDisputeRequest {
  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'goods never delivered' }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
  @ApiPropertyOptional({ type: [DisputedInvoiceDto], maxItems: 500, description: 'The invoices disputed; absent or empty: the whole account.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DisputedInvoiceDto)
  invoices?: DisputedInvoiceDto[];
  @ApiPropertyOptional({ description: 'The dispute reached the agency in writing (letter, email, portal); default false. On a consumer account, a written dispute within the validation period stops every outbound contact until it is resolved (rule reg-f-validation-period).' })
  @IsOptional()
  @IsBoolean()
  written?: boolean;
}

export class DisputeOpenedAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) disputeId!: string;
  @ApiProperty({ format: 'uuid', description: 'The dispute hold, lifted by the resolution' }) holdId!: string;
  @ApiProperty({ enum: DISPUTE_OPENERS }) openedBy!: DisputeOpener;
  @ApiProperty({ type: 'integer', description: 'Minor units disputed' }) amount!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
}
