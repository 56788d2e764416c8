import { fail, LegalCriterion, pass } from './legal-criterion';

/** UCC 2-725: four years for the sale of goods, from when the claim accrued (the due date). */
export const UCC_SALE_OF_GOODS_YEARS = 4;

/** The last day suit may be filed on: the oldest due date plus four calendar years (UTC). */
export function limitationEndsOn(oldestDueDate: string): Date {
  const [year, month, day] = oldestDueDate.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year + UCC_SALE_OF_GOODS_YEARS, month - 1, day));
}

/**
 * A time-barred account is never referred to legal. Only the commercial sale-of-goods
 * period is known so far; consumer debts wait for the state tables rather than risk a
 * suit on a barred debt. The oldest invoice decides, so no part of the claim is barred.
 */
export const withinStatuteOfLimitations: LegalCriterion = {
  name: 'within-statute-of-limitations',
  check: ({ referral, now }) => {
    if (!referral.commercial) return fail('no statute-of-limitations table for consumer debts yet: refer by hand after a legal check');
    const endsOn = limitationEndsOn(referral.oldestDueDate);
    if (now.getTime() < endsOn.getTime()) return pass();
    return fail(`time-barred: the oldest invoice fell due on ${referral.oldestDueDate}; the ${UCC_SALE_OF_GOODS_YEARS}-year UCC period ended on ${endsOn.toISOString().slice(0, 10)}`);
  },
};
