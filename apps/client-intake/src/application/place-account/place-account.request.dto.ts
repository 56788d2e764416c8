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
import { invalidRequest, IsCalendarDate, IsPositiveMinorUnits, parseRequest, validPartsOf } from '@lib/platform';
import { placementProblems } from '../../domain/account/place-account.decide';

/** The most invoices one placement carries; the body limit (1 MB) is sized for it. */
export const MAX_INVOICES_PER_PLACEMENT = 500;
const CALENDAR_DATE = '^\\d{4}-\\d{2}-\\d{2}$';

export class InvoiceDto {
  @ApiProperty({ example: 'INV-1001', minLength: 1, maxLength: 64 }) @IsString() @IsNotEmpty() @MaxLength(64) number!: string;
  @ApiProperty({ format: 'date', pattern: CALENDAR_DATE, example: '2026-01-15', description: 'Not in the future' }) @IsCalendarDate() issueDate!: string;
  @ApiProperty({ format: 'date', pattern: CALENDAR_DATE, example: '2026-02-14', description: 'Not before issueDate' }) @IsCalendarDate() dueDate!: string;
  @ApiProperty({ description: 'Minor units (cents)', example: 250000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) @IsPositiveMinorUnits() originalAmount!: number;
  @ApiProperty({ example: 'USD', pattern: '^[A-Z]{3}$', description: 'ISO 4217, the same on every invoice of the placement' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' })
  @IsISO4217CurrencyCode()
  currency!: string;
}

export class DebtorDto {
  @ApiProperty({ enum: ['company', 'person'] }) @IsIn(['company', 'person']) kind!: 'company' | 'person';
  @ApiProperty({ example: 'Acme Widgets LLC', minLength: 1, maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) legalName!: string;
  @ApiPropertyOptional({ maxLength: 32 }) @IsOptional() @IsString() @MaxLength(32) taxId?: string;
  @ApiProperty({ example: 'US', minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2' }) @IsISO31661Alpha2() country!: string;
  @ApiPropertyOptional({ example: 'NY', maxLength: 8 }) @IsOptional() @IsString() @MaxLength(8) region?: string;
  @ApiPropertyOptional({ format: 'email' }) @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ maxLength: 32 }) @IsOptional() @IsString() @MaxLength(32) phone?: string;
}

/**
 * The request is held to what `AccountPlaced.v1` (libs/contracts) carries: a placement
 * acknowledged here must never be refused by a consumer. Hence dates as `YYYY-MM-DD`, safe
 * integer amounts (the total too, checked with the other cross-field rules in the domain)
 * and a debtor object that must be there.
 */
export class PlaceAccountRequest {
  @ApiProperty({ description: "The client's own reference, unique per client", example: 'NW-2026-0001', minLength: 1, maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  clientReference!: string;

  @ApiProperty({ description: 'Commercial (true) or consumer (false) debt' }) @IsBoolean() commercial!: boolean;

  // @ValidateNested alone lets a missing debtor through: it checks only what is there.
  @ApiProperty({ type: DebtorDto }) @IsObject() @ValidateNested() @Type(() => DebtorDto) debtor!: DebtorDto;

  @ApiProperty({
    type: [InvoiceDto],
    minItems: 1,
    maxItems: MAX_INVOICES_PER_PLACEMENT,
    description: 'One currency; invoice numbers unique; the total at most 9007199254740991 minor units',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INVOICES_PER_PLACEMENT)
  @ValidateNested({ each: true })
  @Type(() => InvoiceDto)
  invoices!: InvoiceDto[];
}

export class PlacementAnswer {
  @ApiProperty({ format: 'uuid', description: 'The agency account id: the same for every placement of this client reference' }) accountId!: string;
  @ApiProperty() clientReference!: string;
  @ApiProperty({ enum: ['acknowledged'] }) status!: 'acknowledged';
}

/**
 * The request's field problems and the domain's rules across fields (run on what of the
 * request parsed) in one 400, so a client fixes a placement in one round. The decider
 * checks those rules again: they are its invariants, whoever calls it.
 */
export function parsePlacement(raw: unknown, now: Date): PlaceAccountRequest {
  const { value, problems } = parseRequest(PlaceAccountRequest, raw);
  const invoices = validPartsOf(value, problems).invoices ?? [];
  const all = [...problems, ...placementProblems({ invoices: invoices.map((invoice) => invoice ?? {}), now })];
  if (all.length > 0) throw invalidRequest(all);
  return value;
}
