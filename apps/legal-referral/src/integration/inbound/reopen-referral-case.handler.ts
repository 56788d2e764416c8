import type { DurableScheduler } from '@lib/scheduler';
import { AccountReopened } from '@lib/contracts';
import { handleCommand } from '@lib/es-core';
import { on } from '@lib/integration';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LEGAL_REVIEW, LegalReferralDependencies, referralStreamId, reopenedReviewWorkId } from '../../legal-referral.dependencies';
import { retryUntilOpened } from './retry-until-opened';

/**
 * A reopened account is back in the legal pipeline. Its closure cancelled its reviews, so
 * the reopening books one 45 days on, or the account could never reach legal again.
 * Booking runs on every delivery of an open case (the latest reopening's work id, whose
 * first booking stands), so a crash between the reopening and the booking is healed by the
 * redelivery; a case closed again by then books nothing.
 */
export const reopenReferralCase = (deps: LegalReferralDependencies, scheduler: DurableScheduler) =>
  on(AccountReopened, async (data, context) => {
    const outcome = await handleCommand(
      deps.eventStore,
      referralDecider,
      referralStreamId(data.accountId),
      {
        type: 'ReopenReferralCase',
        previousClosingCode: data.previousClosingCode,
        reason: data.reason,
        paymentId: data.paymentId ?? null,
        balance: data.balance,
        reopenedAt: data.reopenedAt,
      },
      context,
    );
    retryUntilOpened(data.accountId, outcome);
    const { state } = outcome;
    if (state.stage === 'none' || state.stage === 'closed' || state.reopenings.length === 0) return;
    const latest = state.reopenings.length;
    await scheduler.schedule(
      { workId: reopenedReviewWorkId(data.accountId, latest), kind: LEGAL_REVIEW, dueAt: state.reopenings[latest - 1].reviewDueAt, payload: { accountId: data.accountId } },
      context.causationId,
      context.correlationId,
    );
  });
