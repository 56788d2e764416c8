import type { ReferralEvent } from '../referral/referral.events';
import { caseAfter, daysAfterPlacement, opened } from '../referral/referral.fixtures';
import { notBankrupt } from './not-bankrupt.rule';

const accountId = opened().data.accountId;
const filed: ReferralEvent = {
  type: 'AccountHoldNoted',
  data: { accountId, holdId: 'hold-bk', kind: 'bankruptcy', reason: 'notice of filing', endsAt: null, placedAt: daysAfterPlacement(10).toISOString(), bankruptcy: { chapter: 7, caseNumber: '1:26-bk-10001', filedOn: '2026-01-02' } },
};

describe('not-bankrupt', () => {
  const now = daysAfterPlacement(45);

  it('passes a debtor who has not filed', () => {
    expect(notBankrupt.check({ referral: caseAfter([opened()]), now })).toEqual({ pass: true });
  });

  it('refuses a debtor in bankruptcy, naming the filing: the automatic stay forbids suit', () => {
    expect(notBankrupt.check({ referral: caseAfter([opened(), filed]), now })).toEqual({
      pass: false,
      reason: 'the debtor filed for bankruptcy (chapter 7, case 1:26-bk-10001, filed 2026-01-02): the automatic stay forbids suit',
    });
  });

  it('passes again once the filing is dismissed (the hold lifted)', () => {
    const dismissed: ReferralEvent = { type: 'AccountHoldLiftNoted', data: { accountId, holdId: 'hold-bk', kind: 'bankruptcy', reason: 'case dismissed', liftedAt: daysAfterPlacement(30).toISOString() } };
    expect(notBankrupt.check({ referral: caseAfter([opened(), filed, dismissed]), now })).toEqual({ pass: true });
  });
});
