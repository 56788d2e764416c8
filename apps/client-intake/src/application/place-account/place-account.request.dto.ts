import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsISO31661Alpha2,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';

export class InvoiceDto {
  @ApiProperty({ example: 'INV-1001' }) @IsString() @IsNotEmpty() @MaxLength(64) number!: string;
  @ApiProperty({ example: '2026-01-15' }) @IsISO8601({ strict: true }) issueDate!: string;
  @ApiProperty({ example: '2026-02-14' }) @IsISO8601({ strict: true }) dueDate!: string;
  @ApiProperty({ description: 'Minor units (cents)', example: 250000 }) @IsInt() @Min(1) originalAmount!: number;
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

export class PlaceAccountRequest {
  @ApiProperty({ description: "The client's own reference, unique per client", example: 'NW-2026-0001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  clientReference!: string;

  @ApiProperty({ description: 'Commercial (true) or consumer (false) debt' }) @IsBoolean() commercial!: boolean;

  @ApiProperty({ type: DebtorDto }) @ValidateNested() @Type(() => DebtorDto) debtor!: DebtorDto;

  @ApiProperty({ type: [InvoiceDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => InvoiceDto)
  invoices!: InvoiceDto[];
}
