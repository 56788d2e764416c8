import { caseAfter, daysAfterPlacement, opened } from '../referral/referral.fixtures';
import { debtorInBusiness } from './debtor-in-business.rule';

describe('debtor-in-business', () => {
  const now = daysAfterPlacement(45);

  it('passes a debtor still trading', () => {
    expect(debtorInBusiness.check({ referral: caseAfter([opened()]), now })).toEqual({ pass: true });
  });

  it('refuses a debtor that is out of business', () => {
    expect(debtorInBusiness.check({ referral: caseAfter([opened()], { debtorInBusiness: false }), now })).toEqual({
      pass: false,
      reason: 'the debtor is no longer in business',
    });
  });
});
