import { PaymentReversed } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { NotePaymentReversal } from '../../application/note-payment-reversal/note-payment-reversal.command';

/** A bounced payment no longer keeps a promise, pays a plan nor counts toward a settlement. */
export const notePaymentReversal = commandOn(PaymentReversed, (data, context) => new NotePaymentReversal(data.accountId, data.paymentId, data.reversedAt, data.balanceAfter, context));
