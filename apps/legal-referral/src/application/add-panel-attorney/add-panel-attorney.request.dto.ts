import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsInt, IsISO4217CurrencyCode, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import type { PanelTerms } from '../../domain/attorney-panel/attorney-panel.events';
import { US_JURISDICTIONS } from '../../domain/attorney-panel/us-jurisdictions';

/** What an admin states when adding a receiving attorney to the panel or changing its terms (whole). */
export class PanelAttorneyRequest implements PanelTerms {
  @ApiProperty({ example: 'Hudson & Rowe LLP', minLength: 1, maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) firm!: string;

  @ApiProperty({ description: 'The US states (ISO 3166-2, DC and the territories included) where it sues', example: ['US-NY', 'US-NJ'], isArray: true, enum: [...US_JURISDICTIONS], minItems: 1, maxItems: US_JURISDICTIONS.length, uniqueItems: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(US_JURISDICTIONS.length)
  @ArrayUnique()
  @IsIn([...US_JURISDICTIONS], { each: true })
  jurisdictions!: string[];

  @ApiProperty({ example: 'USD', description: 'ISO 4217: the currency of the suit fee' }) @IsISO4217CurrencyCode() currency!: string;

  @ApiProperty({ type: 'integer', description: 'Flat fee for filing suit, minor units', example: 25_000, minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  suitFee!: number;

  @ApiProperty({ type: 'integer', description: "The attorney's contingency on what it collects, basis points", example: 2_500, minimum: 0, maximum: 10_000 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  contingencyBp!: number;

  @ApiProperty({ type: 'integer', description: 'The most cases it holds open at once', example: 40, minimum: 1, maximum: 100_000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity!: number;
}

