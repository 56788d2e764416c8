import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ClosingCode } from '../../domain/account/account.events';
import { DebtorDto, InvoiceDto } from '../place-account/place-account.request.dto';

export const CLOSING_CODES: ClosingCode[] = [
  'paid-in-full',
  'settled',
  'recalled',
  'cancelled',
  'uncollectible',
  'skip-failed',
  'bankrupt',
  'deceased',
  'time-barred',
  'disputed-upheld',
  'legal-closed',
  'written-off',
];

/** An account as placed, with what became of it since. Amounts are minor units of `currency`. */
export class PlacedPreCollectionView {
  @ApiProperty({ description: 'The agreement version the terms came from' }) agreementVersion!: number;
  @ApiProperty({ format: 'date-time', description: 'When an unpaid account converts to third-party collection' }) windowEndsAt!: string;
  @ApiProperty({ type: [Number], description: "Days from placement a reminder goes out in the client's name" }) reminderDays!: number[];
  @ApiProperty({ description: 'Owed once, minor units of the account currency' }) flatFee!: number;
}

export class AccountView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ description: "The client's own reference" }) clientReference!: string;
  @ApiProperty({ description: 'Commercial (true) or consumer (false) debt' }) commercial!: boolean;
  @ApiProperty({ type: DebtorDto }) debtor!: DebtorDto;
  @ApiProperty({ type: [InvoiceDto] }) invoices!: InvoiceDto[];
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ description: "Sum of the invoices' original amounts, minor units" }) placedAmount!: number;
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
  @ApiProperty({ description: 'Commission rate fixed at placement, basis points' }) commissionRateBp!: number;
  @ApiProperty({ enum: ['active', 'closed'], description: 'The latest closure or reopening decides it' }) status!: 'active' | 'closed';
  @ApiProperty({ enum: CLOSING_CODES, nullable: true, description: 'Why the account is closed; null while it is active' }) closingCode!: ClosingCode | null;
  @ApiProperty({ format: 'date-time', nullable: true, description: 'When a closure was last undone, while the account is active again; else null' }) reopenedAt!: string | null;
  @ApiProperty({ description: 'The client authorized suit' }) legalAuthorized!: boolean;
  @ApiPropertyOptional({ enum: ['pre-collection', 'third-party'], description: 'How the account was placed; absent: third-party' }) service?: 'pre-collection' | 'third-party';
  @ApiPropertyOptional({ type: PlacedPreCollectionView, description: 'The pre-collection terms fixed at placement' }) preCollection?: PlacedPreCollectionView;
}
