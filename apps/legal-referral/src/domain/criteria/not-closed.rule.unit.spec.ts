import { caseAfter, closed, closedOn, daysAfterPlacement, opened, reopened } from '../referral/referral.fixtures';
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

  it('passes an account reopened after it closed, and refuses it once it closes again', () => {
    expect(notClosed.check({ referral: caseAfter([opened(), closedOn(10), reopened(20)]), now })).toEqual({ pass: true });
    expect(notClosed.check({ referral: caseAfter([opened(), closedOn(10), reopened(20), closedOn(30, 'settled')]), now })).toEqual({
      pass: false,
      reason: 'the account is closed (settled)',
    });
  });
});
