import { AccountPlaced } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { OpenReferralCase } from '../../application/open-referral-case/open-referral-case.command';

/** A placed account opens its referral case, which books its legal review for day 45. */
export const openReferralCase = commandOn(AccountPlaced, (data, context) =>
  new OpenReferralCase(
    {
      accountId: data.accountId,
      clientId: data.clientId,
      commercial: data.commercial,
      currency: data.currency,
      placedAmount: data.placedAmount,
      placedAt: data.placedAt,
      invoiceDueDates: data.invoices.map((invoice) => invoice.dueDate),
      debtorCountry: data.debtor.country,
      debtorRegion: data.debtor.region ?? null,
    },
    context,
  ),
);
