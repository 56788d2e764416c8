import { PaymentPosted } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { NotePayment } from '../../application/note-payment/note-payment.command';

/** A payment lowers the balance (payments' own figure) and restarts the 45 quiet days; `postedAt` is the payment date. */
export const notePayment = commandOn(PaymentPosted, (data, context) =>
  new NotePayment(data.accountId, { paymentId: data.paymentId, amount: data.amount, balanceAfter: data.balanceAfter, paidAt: data.postedAt }, context),
);
