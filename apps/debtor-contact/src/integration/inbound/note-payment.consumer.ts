import { PaymentPosted } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { NotePayment } from '../../application/note-payment/note-payment.command';

/** A payment may keep a promise or pay a plan's installments; `postedAt` is when it counts. */
export const notePayment = commandOn(PaymentPosted, (data, context) => new NotePayment(data.accountId, { paymentId: data.paymentId, amount: data.amount, postedAt: data.postedAt }, context));
