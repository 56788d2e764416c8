import { PaymentReversed } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { NotePaymentReversal } from '../../application/note-payment-reversal/note-payment-reversal.command';

/** A bounced payment restores the balance (payments' own figure) and no longer counts as a payment. */
export const notePaymentReversal = commandOn(PaymentReversed, (data, context) =>
  new NotePaymentReversal(data.accountId, { paymentId: data.paymentId, amount: data.amount, balanceAfter: data.balanceAfter, reversedAt: data.reversedAt }, context),
);
