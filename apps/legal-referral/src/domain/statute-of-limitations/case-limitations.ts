import type { ReferralEvent } from '../referral/referral.events';
import type { ReferralCase } from '../referral/referral.state';
import { isTimeBarred, LimitationsStatus, statuteOfLimitations } from './statute-of-limitations';

/** The case's statute of limitations now: its debtor's jurisdiction, claim type, standing payments, acknowledgements and tollings. */
export function caseLimitations(referral: ReferralCase): LimitationsStatus {
  return statuteOfLimitations({
    debtorCountry: referral.debtorCountry,
    debtorRegion: referral.debtorRegion,
    claimType: referral.limitations.claimType,
    delinquentSince: referral.oldestDueDate,
    paymentDates: referral.payments.filter((p) => !p.reversed).map((p) => p.paidAt.slice(0, 10)),
    acknowledgementDates: referral.limitations.acknowledgements.map((a) => a.acknowledgedOn),
    tollings: referral.limitations.tollings,
  });
}

/**
 * What a review adds when it finds the account barred: `StatuteOfLimitationsRanOut`, once
 * per expiry date (a revival that later runs out again is recorded again), and never on a
 * closed case (nothing is left to close).
 */
export function ranOutEvents(referral: ReferralCase, now: Date): ReferralEvent[] {
  if (referral.stage === 'closed') return [];
  const status = caseLimitations(referral);
  if (!isTimeBarred(status, now) || status.expiresOn === null || status.period === null) return [];
  if (referral.limitations.ranOutOn === status.expiresOn) return [];
  return [
    {
      type: 'StatuteOfLimitationsRanOut',
      data: {
        accountId: referral.accountId,
        clientId: referral.clientId,
        jurisdiction: status.jurisdiction,
        claimType: status.claimType,
        expiresOn: status.expiresOn,
        citation: status.period.citation,
        reason: status.reason,
        noticedAt: now.toISOString(),
      },
    },
  ];
}
