import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { invalidRequest, IsCalendarDate, IsPositiveMinorUnits, parseRequest, validPartsOf } from '@lib/platform';
import type { ClosingCode, PaymentMethod } from '../../domain/account/account.events';
import { businessInstant, importProblems, IMPORTABLE_CLOSING_CODES } from '../../domain/account/import-account.decide';
import { placementProblems } from '../../domain/account/place-account.decide';
import { PlaceAccountRequest } from '../place-account/place-account.request.dto';

const CALENDAR_DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const PAYMENT_METHODS: readonly PaymentMethod[] = ['ach', 'card', 'check', 'wire', 'cash'];
/** The most earlier payments one import carries. */
export const MAX_IMPORTED_PAYMENTS = 500;

export class EarlierPaymentDto {
  @ApiProperty({ format: 'date', pattern: CALENDAR_DATE, example: '2025-12-01', description: 'The day the debtor paid: not before placedOn, not after today (nor after status.closedOn)' }) @IsCalendarDate() paidOn!: string;
  @ApiProperty({ description: "Minor units of the account's currency", example: 20000, minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) @IsPositiveMinorUnits() amount!: number;
  @ApiProperty({ enum: PAYMENT_METHODS }) @IsIn(PAYMENT_METHODS) method!: PaymentMethod;
}

export class ImportedStatusDto {
  @ApiProperty({ enum: ['open', 'closed'] }) @IsIn(['open', 'closed']) state!: 'open' | 'closed';
  @ApiPropertyOptional({ enum: IMPORTABLE_CLOSING_CODES, description: 'Required when closed' }) @ValidateIf((status: ImportedStatusDto) => status.state === 'closed') @IsIn(IMPORTABLE_CLOSING_CODES) closingCode?: ClosingCode;
  @ApiPropertyOptional({ format: 'date', pattern: CALENDAR_DATE, example: '2026-03-01', description: 'Required when closed: the day it closed, not before placedOn, not after today' })
  @ValidateIf((status: ImportedStatusDto) => status.state === 'closed')
  @IsCalendarDate()
  closedOn?: string;
}

/**
 * A placement as a client places it (PlaceAccountRequest, AccountPlaced.v2) plus what the
 * system the agency moves from knows: the client, the day the account was placed there,
 * the payments made since and where it stands.
 */
export class ImportAccountRequest extends PlaceAccountRequest {
  @ApiProperty({ format: 'uuid', description: 'The onboarded client the account belongs to' }) @IsUUID() clientId!: string;
  @ApiProperty({ format: 'date', pattern: CALENDAR_DATE, example: '2025-01-10', description: 'The original placement day: before today, and every invoice issued and due by then' }) @IsCalendarDate() placedOn!: string;

  @ApiPropertyOptional({ type: [EarlierPaymentDto], maxItems: MAX_IMPORTED_PAYMENTS, description: 'Payments made before the import; together at most the principal. Absent: none' })
  @ValidateIf((request: ImportAccountRequest) => request.payments !== undefined)
  @IsArray()
  @ArrayMaxSize(MAX_IMPORTED_PAYMENTS)
  @ValidateNested({ each: true })
  @Type(() => EarlierPaymentDto)
  payments?: EarlierPaymentDto[];

  @ApiProperty({ type: ImportedStatusDto }) @IsObject() @ValidateNested() @Type(() => ImportedStatusDto) status!: ImportedStatusDto;
}

export class ImportAnswer {
  @ApiProperty({ format: 'uuid', description: 'The agency account id: the one a placement of this client reference gets' }) accountId!: string;
  @ApiProperty() clientReference!: string;
  @ApiProperty({ format: 'date', description: 'The business date of the placement' }) placedOn!: string;
  @ApiProperty({ type: [String], description: 'The ids payments posts the earlier payments under, in the order given' }) paymentIds!: string[];
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
}

/**
 * Field problems, the placement's rules as of the original day and the import's own
 * rules (dates in order, payments within the principal) in one 400.
 */
export function parseImport(raw: unknown, now: Date): ImportAccountRequest {
  const { value, problems } = parseRequest(ImportAccountRequest, raw);
  const { invoices = [], interest, fees, costs, placedOn, payments = [], status } = validPartsOf(value, problems);
  const all = [...problems];
  if (placedOn !== undefined) {
    const parts = invoices.map((invoice) => invoice ?? {});
    all.push(...placementProblems({ invoices: parts, interest, fees, costs, now: businessInstant(placedOn) }));
    const amounts = parts.map((invoice) => invoice.originalAmount);
    const principal = amounts.every((amount) => amount !== undefined) ? amounts.reduce<number>((sum, amount) => sum + (amount ?? 0), 0) : undefined;
    all.push(...importProblems({ placedOn, payments: payments.map((payment) => payment ?? {}), status: status ?? undefined, principal, now }));
  }
  if (all.length > 0) throw invalidRequest(all);
  return value;
}
