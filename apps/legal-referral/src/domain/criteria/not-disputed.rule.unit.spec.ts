import { caseAfter, daysAfterPlacement, opened } from '../referral/referral.fixtures';
import { notDisputed } from './not-disputed.rule';

describe('not-disputed', () => {
  const now = daysAfterPlacement(45);

  it('passes an account nobody disputes', () => {
    expect(notDisputed.check({ referral: caseAfter([opened()]), now })).toEqual({ pass: true });
  });

  it('refuses a disputed account', () => {
    expect(notDisputed.check({ referral: caseAfter([opened()], { disputed: true }), now })).toEqual({
      pass: false,
      reason: 'the debt is disputed; collection waits for the dispute to be resolved',
    });
  });
});
