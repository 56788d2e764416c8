import { PaymentPosted, PaymentReversed } from '@lib/contracts';
import { handleCommand } from '@lib/es-core';
import { on } from '@lib/integration';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';
import { retryUntilOpened } from './retry-until-opened';

/** A payment lowers the balance and restarts the 45 quiet days the legal review requires. */
export const notePayment = (deps: LegalReferralDependencies) =>
  on(PaymentPosted, async (data, context) => {
    const outcome = await handleCommand(
      deps.eventStore,
      referralDecider,
      referralStreamId(data.accountId),
      { type: 'NotePayment', paymentId: data.paymentId, amount: data.amount, balanceAfter: data.balanceAfter, paidAt: data.postedAt },
      context,
    );
    retryUntilOpened(data.accountId, outcome);
  });

/** A bounced payment restores the balance and no longer counts as a payment. */
export const notePaymentReversal = (deps: LegalReferralDependencies) =>
  on(PaymentReversed, async (data, context) => {
    const outcome = await handleCommand(
      deps.eventStore,
      referralDecider,
      referralStreamId(data.accountId),
      { type: 'NotePaymentReversal', paymentId: data.paymentId, amount: data.amount, balanceAfter: data.balanceAfter, reversedAt: data.reversedAt },
      context,
    );
    retryUntilOpened(data.accountId, outcome);
  });
