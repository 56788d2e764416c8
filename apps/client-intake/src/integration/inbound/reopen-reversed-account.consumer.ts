import { PaymentReversed } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { ReopenAfterReversal } from '../../application/reopen-after-reversal/reopen-after-reversal.command';

/**
 * Payments reversed a payment. If that payment had closed the account as paid in full,
 * the balance is owed again and the account reopens. Payments publishes the reversal and
 * its paid-in-full announcements on one topic keyed by account, so they arrive in order.
 */
export const reopenReversedAccount = commandOn(PaymentReversed, (data, context) => new ReopenAfterReversal(data.accountId, data.paymentId, data.balanceAfter, context));
