import { caseAfter, closed, daysAfterPlacement, opened } from '../referral/referral.fixtures';
import { notClosed } from './not-closed.rule';

describe('not-closed', () => {
  const now = daysAfterPlacement(45);

  it('passes an open account', () => {
    expect(notClosed.check({ referral: caseAfter([opened()]), now })).toEqual({ pass: true });
  });

  it('refuses a closed account, naming its closing code', () => {
    expect(notClosed.check({ referral: caseAfter([opened(), closed('paid-in-full')]), now })).toEqual({
      pass: false,
      reason: 'the account is closed (paid-in-full)',
    });
  });
});
