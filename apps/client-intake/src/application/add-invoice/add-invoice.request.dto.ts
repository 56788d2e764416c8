import { ApiProperty } from '@nestjs/swagger';
import { invalidRequest, parseRequest, validPartsOf } from '@lib/platform';
import type { Invoice } from '../../domain/account/account.events';
import { addedInvoiceProblems } from '../../domain/account/add-invoice.decide';
import { InvoiceDto } from '../place-account/place-account.request.dto';

/** One invoice, as in a placement: already due, in the account's currency, a number the account does not hold. */
export class AddInvoiceRequest extends InvoiceDto {}

export class AddedInvoiceAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ example: 'INV-1002' }) invoiceNumber!: string;
  @ApiProperty({ description: 'What the debtor owes with it, minor units, as intake knows it (the last balance payments reported, and the changes since)' }) balance!: number;
}

/** The request's field problems and the account's rules (run on what of it parsed) in one 400, as a placement's. */
export function parseAddedInvoice(raw: unknown, account: { currency: string; invoices: readonly Invoice[]; balance: number }, now: Date): Invoice {
  const { value, problems } = parseRequest(AddInvoiceRequest, raw);
  const all = [...problems, ...addedInvoiceProblems(validPartsOf(value, problems), account, now)];
  if (all.length > 0) throw invalidRequest(all);
  const { number, issueDate, dueDate, originalAmount, currency } = value;
  return { number, issueDate, dueDate, originalAmount, currency };
}
