import type { ReferralEvent } from '../referral/referral.events';
import { caseAfter, daysAfterPlacement, opened } from '../referral/referral.fixtures';
import { notDisputed } from './not-disputed.rule';

const accountId = opened().data.accountId;
const disputeHeld = (invoices?: string[]): ReferralEvent => ({
  type: 'AccountHoldNoted',
  data: { accountId, holdId: 'hold-d1', kind: 'dispute', reason: 'disputed by the debtor', endsAt: null, placedAt: daysAfterPlacement(10).toISOString(), disputeId: 'd-1', ...(invoices ? { invoices } : {}) },
});
const resolved: ReferralEvent = { type: 'AccountHoldLiftNoted', data: { accountId, holdId: 'hold-d1', kind: 'dispute', reason: 'dispute rejected', liftedAt: daysAfterPlacement(20).toISOString() } };

describe('not-disputed', () => {
  const now = daysAfterPlacement(45);

  it('passes an account nobody disputes', () => {
    expect(notDisputed.check({ referral: caseAfter([opened()]), now })).toEqual({ pass: true });
  });

  it('refuses an account whose whole debt debtor contact holds as disputed', () => {
    expect(notDisputed.check({ referral: caseAfter([opened(), disputeHeld()]), now })).toEqual({
      pass: false,
      reason: 'the debt is disputed (the whole account); collection waits for the dispute to be resolved',
    });
  });

  it('refuses an account with disputed invoices, naming them', () => {
    expect(notDisputed.check({ referral: caseAfter([opened(), disputeHeld(['INV-1'])]), now })).toMatchObject({ pass: false, reason: expect.stringContaining('invoice(s) INV-1') });
  });

  it('passes again once the dispute is resolved (its hold lifted)', () => {
    expect(notDisputed.check({ referral: caseAfter([opened(), disputeHeld(), resolved]), now })).toEqual({ pass: true });
  });

  it('is not concerned by holds of other kinds', () => {
    const clientHold: ReferralEvent = { type: 'AccountHoldNoted', data: { accountId, holdId: 'h-2', kind: 'client-hold', reason: 'client asked', endsAt: null, placedAt: daysAfterPlacement(5).toISOString() } };
    expect(notDisputed.check({ referral: caseAfter([opened(), clientHold]), now })).toEqual({ pass: true });
  });
});
