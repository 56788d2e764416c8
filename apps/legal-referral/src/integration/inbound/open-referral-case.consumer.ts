import { AccountPlaced } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { OpenReferralCase } from '../../application/open-referral-case/open-referral-case.command';

/**
 * A placed account opens its referral case, which books its legal review for day 45. A
 * pre-collection account enters third-party collection at its window's end (its
 * conversion's business date), so its review clock starts there; paid within the window,
 * its case closes with the account and the review never runs.
 */
export const openReferralCase = commandOn(AccountPlaced, (data, context) =>
  new OpenReferralCase(
    {
      accountId: data.accountId,
      clientId: data.clientId,
      commercial: data.commercial,
      currency: data.currency,
      placedAmount: data.placedAmount,
      placedAt: data.service === 'pre-collection' && data.preCollection ? data.preCollection.windowEndsAt : data.placedAt,
      invoiceDueDates: data.invoices.map((invoice) => invoice.dueDate),
      debtorCountry: data.debtor.country,
      debtorRegion: data.debtor.region ?? null,
      claimType: data.claimType,
    },
    context,
  ),
);
