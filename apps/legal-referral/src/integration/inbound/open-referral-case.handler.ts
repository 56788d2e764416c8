import type { DurableScheduler } from '@lib/scheduler';
import { AccountPlaced } from '@lib/contracts';
import { on } from '@lib/integration';
import { handleReferralCommand } from '../../application/review-for-legal/legal-review.runner';
import { LegalReferralDependencies } from '../../legal-referral.dependencies';

/**
 * A placed account opens its referral case; the legal review workflow books its review for
 * day 45. A redelivery is a duplicate of the first delivery, whose opening the workflow runs
 * again, so a crash between opening the case and booking the review is healed by it.
 */
export const openReferralCase = (deps: LegalReferralDependencies, scheduler: DurableScheduler) =>
  on(AccountPlaced, async (data, context) => {
    await handleReferralCommand(
      deps,
      scheduler,
      data.accountId,
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
  });
