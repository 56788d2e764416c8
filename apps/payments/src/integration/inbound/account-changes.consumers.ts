import { BalanceAdjusted, InvoiceAdded } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { RecordAddedInvoice } from '../../application/record-added-invoice/record-added-invoice.command';
import { RecordBalanceAdjustment } from '../../application/record-balance-adjustment/record-balance-adjustment.command';

/** An invoice the client added after placement: a new open item of the ledger. */
export const recordAddedInvoice = commandOn(InvoiceAdded, (d, context) =>
  new RecordAddedInvoice(d.accountId, { number: d.invoice.number, dueDate: d.invoice.dueDate, amount: d.invoice.originalAmount, currency: d.invoice.currency }, context),
);

/** A balance adjustment: the open balance changes by it, with its reason (docs/payments.md, "Added invoices and balance adjustments"). */
export const recordBalanceAdjustment = commandOn(BalanceAdjusted, (d, context) =>
  new RecordBalanceAdjustment(d.accountId, { adjustmentId: d.adjustmentId, amount: d.amount, currency: d.currency, reason: d.reason, ...(d.kind ? { kind: d.kind } : {}) }, context),
);
