import { MigratedPaymentImported } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { RecordImportedPayment } from '../../application/record-imported-payment/record-imported-payment.command';

/** A payment a migration import brought in: posted under intake's id, as of the day it was paid. */
export const recordImportedPayment = commandOn(MigratedPaymentImported, (d, context) =>
  new RecordImportedPayment(d.accountId, { paymentId: d.paymentId, amount: d.amount, currency: d.currency, method: d.method, paidOn: d.paidOn }, context),
);
