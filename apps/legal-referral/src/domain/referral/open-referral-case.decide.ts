import { Decision, reject } from '@lib/es-core';
import type { OpenReferralCase } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralState } from './referral.state';
import { reviewDueAfter } from './review-due';
import { DEFAULT_CLAIM_TYPE } from '../statute-of-limitations/limitation-period';

/** A placed account opens its case at its placed amount, its review due 45 days on. */
export function decideOpenReferralCase(command: OpenReferralCase, state: ReferralState): Decision<ReferralEvent> {
  // One placement opens one case; a second opening is the same fact arriving again.
  if (state.stage !== 'none') return [];
  if (command.invoiceDueDates.length === 0) return reject('placement-without-invoices', 'a placement names at least one invoice');
  const oldestDueDate = [...command.invoiceDueDates].sort()[0].slice(0, 10);
  return [
    {
      type: 'ReferralCaseOpened',
      data: {
        accountId: command.accountId,
        clientId: command.clientId,
        commercial: command.commercial,
        currency: command.currency,
        balance: command.placedAmount,
        placedAt: command.placedAt,
        oldestDueDate,
        debtorCountry: command.debtorCountry,
        debtorRegion: command.debtorRegion,
        reviewDueAt: reviewDueAfter(command.placedAt),
        claimType: command.claimType ?? DEFAULT_CLAIM_TYPE,
      },
    },
  ];
}
