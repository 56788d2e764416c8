import type { DurableScheduler } from '@lib/clock';
import { AccountClosed } from '@lib/contracts';
import { handleCommand } from '@lib/es-core';
import { on } from '@lib/integration';
import { referralDecider } from '../../domain/referral/referral.decider';
import { legalReviewWorkId, LegalReferralDependencies, referralStreamId } from '../../legal-referral.ports';
import { retryUntilOpened } from './retry-until-opened';

/** A closed account leaves the legal pipeline; its pending review has nothing left to decide. */
export const closeReferralCase = (deps: LegalReferralDependencies, scheduler: DurableScheduler) =>
  on(AccountClosed, async (data, context) => {
    const outcome = await handleCommand(
      deps.eventStore,
      referralDecider,
      referralStreamId(data.accountId),
      { type: 'CloseReferralCase', closingCode: data.closingCode, closedAt: data.closedAt },
      context,
    );
    retryUntilOpened(data.accountId, outcome);
    await scheduler.cancel(legalReviewWorkId(data.accountId), context.causationId);
  });
