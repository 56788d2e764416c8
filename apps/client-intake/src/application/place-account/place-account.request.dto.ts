import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { invalidRequest, IsCalendarDate, IsPositiveMinorUnits, parseRequest, validPartsOf } from '@lib/platform';
import type { Debtor } from '../../domain/account/account.events';
import { placementProblems } from '../../domain/account/place-account.decide';
import { ACCOUNT_CATEGORIES, AccountCategory } from '../../domain/client/agreement-terms';
import { SERVICE_TYPES, ServiceType } from '../../domain/account/pre-collection';
import { CLAIM_TYPES, ClaimTypeV2 } from '@lib/contracts';

/** The most invoices one placement carries; the body limit (1 MB) is sized for it. */
export const MAX_INVOICES_PER_PLACEMENT = 500;
const CALENDAR_DATE = '^\\d{4}-\\d{2}-\\d{2}$';

export class InvoiceDto {
  @ApiProperty({ example: 'INV-1001', minLength: 1, maxLength: 64 }) @IsString() @IsNotEmpty() @MaxLength(64) number!: string;
  @ApiProperty({ format: 'date', pattern: CALENDAR_DATE, example: '2026-01-15', description: 'Not in the future' }) @IsCalendarDate() issueDate!: string;
  @ApiProperty({ format: 'date', pattern: CALENDAR_DATE, example: '2026-02-14', description: 'Not before issueDate, and not after the placement date (an invoice not yet due is refused, rule invoice-not-yet-due)' }) @IsCalendarDate() dueDate!: string;
  @ApiProperty({ description: 'Minor units (cents)', example: 250000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) @IsPositiveMinorUnits() originalAmount!: number;
  @ApiProperty({ example: 'USD', pattern: '^[A-Z]{3}$', description: 'ISO 4217, the same on every invoice of the placement' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' })
  @IsISO4217CurrencyCode()
  currency!: string;
}

/** The most addresses, phones or emails one debtor carries in a placement. */
export const MAX_DEBTOR_CONTACTS = 20;

export class AddressDto {
  @ApiProperty({ type: [String], example: ['350 Fifth Avenue', 'Suite 4100'], minItems: 1, maxItems: 4 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  lines!: string[];
  @ApiProperty({ example: 'New York', minLength: 1, maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) city!: string;
  @ApiPropertyOptional({ example: 'NY', maxLength: 8 }) @IsOptional() @IsString() @MaxLength(8) region?: string;
  @ApiPropertyOptional({ example: '10118', maxLength: 16 }) @IsOptional() @IsString() @MaxLength(16) postalCode?: string;
  @ApiProperty({ example: 'US', minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2' }) @IsISO31661Alpha2() country!: string;
}

export class PhoneDto {
  @ApiProperty({ example: '+12125550100', pattern: '^\\+?[0-9 ()./-]{4,32}$' })
  @Matches(/^\+?[0-9 ()./-]{4,32}$/, { message: 'number must be a phone number (digits, spaces, ()./- and a leading +)' })
  number!: string;
  @ApiProperty({ description: 'The debtor agreed to be called or texted on this number' }) @IsBoolean() consent!: boolean;
  @ApiProperty({ description: 'Never call or text this number (wins over consent)' }) @IsBoolean() doNotContact!: boolean;
}

export class EmailDto {
  @ApiProperty({ format: 'email', example: 'ap@acme.example' }) @IsEmail() address!: string;
  @ApiProperty({ description: 'The debtor agreed to be emailed at this address' }) @IsBoolean() consent!: boolean;
  @ApiProperty({ description: 'Never email this address (wins over consent)' }) @IsBoolean() doNotContact!: boolean;
}

export class DebtorDto {
  @ApiProperty({ enum: ['company', 'person'] }) @IsIn(['company', 'person']) kind!: 'company' | 'person';
  @ApiProperty({ example: 'Acme Widgets LLC', minLength: 1, maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) legalName!: string;
  @ApiPropertyOptional({ maxLength: 32, minLength: 1, example: '12-3456789', description: 'With it, a placement of an invoice number this client already placed for the same tax id is refused as a likely duplicate' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  taxId?: string;
  @ApiProperty({ example: 'US', minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2' }) @IsISO31661Alpha2() country!: string;
  @ApiPropertyOptional({ example: 'NY', maxLength: 8 }) @IsOptional() @IsString() @MaxLength(8) region?: string;
  @ApiPropertyOptional({ format: 'email', description: 'One email without flags; `emails` carries consent and do-not-contact' }) @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ maxLength: 32, description: 'One phone without flags; `phones` carries consent and do-not-contact' }) @IsOptional() @IsString() @MaxLength(32) phone?: string;

  @ApiPropertyOptional({ type: [AddressDto], maxItems: MAX_DEBTOR_CONTACTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DEBTOR_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => AddressDto)
  addresses?: AddressDto[];

  @ApiPropertyOptional({ type: [PhoneDto], maxItems: MAX_DEBTOR_CONTACTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DEBTOR_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => PhoneDto)
  phones?: PhoneDto[];

  @ApiPropertyOptional({ type: [EmailDto], maxItems: MAX_DEBTOR_CONTACTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DEBTOR_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => EmailDto)
  emails?: EmailDto[];
}

const bucketProperty = (what: string) => ({ type: 'integer' as const, minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: `${what} owed beside the invoices' principal, minor units of their currency; absent: 0` });

/**
 * The request is held to what `AccountPlaced.v2` (libs/contracts) carries: a placement
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

  @ApiPropertyOptional({ enum: ACCOUNT_CATEGORIES, default: 'standard', description: "Decides the agreement's commission tier" })
  @IsOptional()
  @IsIn(ACCOUNT_CATEGORIES)
  category?: AccountCategory;

  @ApiPropertyOptional({
    enum: SERVICE_TYPES,
    default: 'third-party',
    description: "pre-collection: reminders in the client's name for the agreement's window and flat fee, then third-party collection if unpaid (refused, rule pre-collection-not-agreed, when the agreement in force sets no pre-collection terms)",
  })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  service?: ServiceType;

  @ApiPropertyOptional({ enum: CLAIM_TYPES, default: 'open-account', description: "What a suit would be brought on; with the debtor's state it decides the statute of limitations (docs/legal-referral.md). Absent: open-account" })
  @IsOptional()
  @IsIn(CLAIM_TYPES)
  claimType?: ClaimTypeV2;

  @ApiPropertyOptional(bucketProperty('Interest')) @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) interest?: number;
  @ApiPropertyOptional(bucketProperty('Fees')) @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) fees?: number;
  @ApiPropertyOptional(bucketProperty('Costs')) @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) costs?: number;

  // @ValidateNested alone lets a missing debtor through: it checks only what is there.
  @ApiProperty({ type: DebtorDto }) @IsObject() @ValidateNested() @Type(() => DebtorDto) debtor!: DebtorDto;

  @ApiProperty({
    type: [InvoiceDto],
    minItems: 1,
    maxItems: MAX_INVOICES_PER_PLACEMENT,
    description: 'One currency; invoice numbers unique; every invoice already due; the total with interest, fees and costs at most 9007199254740991 minor units',
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
  const { invoices = [], interest, fees, costs } = validPartsOf(value, problems);
  const all = [...problems, ...placementProblems({ invoices: invoices.map((invoice) => invoice ?? {}), interest, fees, costs, now })];
  if (all.length > 0) throw invalidRequest(all);
  return value;
}

/** The debtor as the event stores it: plain objects, no DTO classes, absent fields left out. */
export function plainDebtor({ addresses, phones, emails, ...rest }: DebtorDto): Debtor {
  return {
    ...rest,
    ...(addresses ? { addresses: addresses.map((address) => ({ ...address, lines: [...address.lines] })) } : {}),
    ...(phones ? { phones: phones.map(({ number, consent, doNotContact }) => ({ number, consent, doNotContact })) } : {}),
    ...(emails ? { emails: emails.map(({ address, consent, doNotContact }) => ({ address, consent, doNotContact })) } : {}),
  };
}
