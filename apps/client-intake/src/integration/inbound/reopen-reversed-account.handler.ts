import { handleCommand } from '@lib/es-core';
import { PaymentReversed } from '@lib/contracts';
import { on } from '@lib/integration';
import { accountDecider } from '../../domain/account/account.decider';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';

/**
 * Payments reversed a payment. If that payment had closed the account as paid in full,
 * the balance is owed again and the account reopens. Payments publishes the reversal and
 * its paid-in-full announcements on one topic keyed by account, so they arrive in order.
 */
export const reopenReversedAccount = (deps: IntakeDependencies) =>
  on(PaymentReversed, async (data, context) => {
    await handleCommand(
      deps.eventStore,
      accountDecider,
      accountStreamId(data.accountId),
      { type: 'ReopenAfterReversal', paymentId: data.paymentId, balanceAfter: data.balanceAfter, now: context.now },
      context,
    );
  });
