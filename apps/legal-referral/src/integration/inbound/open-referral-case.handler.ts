import type { DurableScheduler } from '@lib/scheduler';
import { AccountPlaced } from '@lib/contracts';
import { handleCommand } from '@lib/es-core';
import { on } from '@lib/integration';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LEGAL_REVIEW, legalReviewWorkId, LegalReferralDependencies, referralStreamId } from '../../legal-referral.dependencies';

/**
 * A placed account opens its referral case and books its legal review for day 45.
 * Scheduling runs on every delivery (it keeps the first booking per account), so a crash
 * between opening the case and booking the review is healed by the redelivery.
 */
export const openReferralCase = (deps: LegalReferralDependencies, scheduler: DurableScheduler) =>
  on(AccountPlaced, async (data, context) => {
    const outcome = await handleCommand(
      deps.eventStore,
      referralDecider,
      referralStreamId(data.accountId),
      {
        type: 'OpenReferralCase',
        accountId: data.accountId,
        clientId: data.clientId,
        commercial: data.commercial,
        currency: data.currency,
        placedAmount: data.placedAmount,
        placedAt: data.placedAt,
        invoiceDueDates: data.invoices.map((i) => i.dueDate),
        debtorCountry: data.debtor.country,
        debtorRegion: data.debtor.region ?? null,
      },
      context,
    );
    if (outcome.state.stage === 'none') return;
    await scheduler.schedule(
      { workId: legalReviewWorkId(data.accountId), kind: LEGAL_REVIEW, dueAt: outcome.state.reviewDueAt, payload: { accountId: data.accountId } },
      context.causationId,
      context.correlationId,
    );
  });
