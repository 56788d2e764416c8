import { caseAfter, daysAfterPlacement, opened } from '../referral/referral.fixtures';
import { notBankrupt } from './not-bankrupt.rule';

describe('not-bankrupt', () => {
  const now = daysAfterPlacement(45);

  it('passes a debtor that has not filed', () => {
    expect(notBankrupt.check({ referral: caseAfter([opened()]), now })).toEqual({ pass: true });
  });

  it('refuses a debtor in bankruptcy: the automatic stay forbids suit', () => {
    expect(notBankrupt.check({ referral: caseAfter([opened()], { bankrupt: true }), now })).toEqual({
      pass: false,
      reason: 'the debtor filed for bankruptcy: the automatic stay forbids suit',
    });
  });
});
