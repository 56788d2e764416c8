import { PaymentPosted } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { NotePayment } from '../../application/note-payment/note-payment.command';

/** A payment may keep a promise, pay a plan's installments or a settlement; `postedAt` is when it counts. */
export const notePayment = commandOn(PaymentPosted, (data, context) => new NotePayment(data.accountId, { paymentId: data.paymentId, amount: data.amount, postedAt: data.postedAt, balanceAfter: data.balanceAfter }, context));
