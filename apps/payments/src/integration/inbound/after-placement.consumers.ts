import { AccountRecalled, DirectPaymentReported } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { RecordCancellationFee } from '../../application/record-cancellation-fee/record-cancellation-fee.command';
import { RecordDirectPayment } from '../../application/record-direct-payment/record-direct-payment.command';

/** A direct payment the client reported: posted as direct under the report's id. */
export const recordDirectPayment = commandOn(DirectPaymentReported, (d, context) =>
  new RecordDirectPayment(d.accountId, { paymentId: d.reportId, amount: d.amount, currency: d.currency, method: d.method }, context),
);

/**
 * A recall: payments posted stay and commission earned stays owed (nothing comes off the
 * ledger); the cancellation fee, when one is owed, goes on the ledger as owed by the client.
 */
export const recordCancellationFee = commandOn(AccountRecalled, (d, context) =>
  new RecordCancellationFee(d.accountId, { amount: d.cancellationFee, currency: d.currency, agreementVersion: d.agreementVersion, recalledAt: d.recalledAt }, context),
);
