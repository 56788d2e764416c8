import { caseLimitations } from '../statute-of-limitations/case-limitations';
import { isTimeBarred } from '../statute-of-limitations/statute-of-limitations';
import { fail, LegalCriterion, pass } from './legal-criterion';

/**
 * A time-barred account is never referred to legal. The period is the table's for the
 * debtor's jurisdiction and the claim type set at placement, restarted by payments and
 * written acknowledgements where that jurisdiction says so and held still by tolling
 * (src/domain/statute-of-limitations). Consumer and commercial accounts alike: the table
 * is the law's, not the account's. A jurisdiction the table does not cover fails, rather
 * than risk a suit on a barred debt; a tolling that still stands passes (the clock stands
 * still; the bankruptcy itself is `not-bankrupt`'s to judge).
 */
export const withinStatuteOfLimitations: LegalCriterion = {
  name: 'within-statute-of-limitations',
  check: ({ referral, now }) => {
    const status = caseLimitations(referral);
    if (status.period === null) return fail(status.reason);
    if (!isTimeBarred(status, now)) return pass();
    return fail(`time-barred: ${status.reason}`);
  },
};
