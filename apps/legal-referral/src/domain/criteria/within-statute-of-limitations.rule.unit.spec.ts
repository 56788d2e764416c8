import { caseAfter, opened } from '../referral/referral.fixtures';
import { withinStatuteOfLimitations } from './within-statute-of-limitations.rule';

describe('within-statute-of-limitations', () => {
  it('passes a New York open account the day before its six years (N.Y. C.P.L.R. § 213(2)) run out', () => {
    const referral = caseAfter([opened({ oldestDueDate: '2020-05-10', debtorRegion: 'NY' })]);
    expect(withinStatuteOfLimitations.check({ referral, now: new Date('2026-05-09T23:59:59.999Z') })).toEqual({ pass: true });
  });

  it('refuses it from the first day of the seventh year, naming the period, its citation and where it ran from', () => {
    const referral = caseAfter([opened({ oldestDueDate: '2020-05-10', debtorRegion: 'NY' })]);
    expect(withinStatuteOfLimitations.check({ referral, now: new Date('2026-05-10T00:00:00.000Z') })).toEqual({
      pass: false,
      reason: 'time-barred: 6 years (N.Y. C.P.L.R. § 213(2), open-account) from 2020-05-10 (the oldest due date): barred from 2026-05-10',
    });
  });

  it('follows the claim type set at placement: a Washington sale of goods has four years where its open account has three', () => {
    const now = new Date('2026-02-01T00:00:00.000Z');
    const goods = caseAfter([opened({ oldestDueDate: '2022-06-01', debtorRegion: 'WA', claimType: 'sale-of-goods' })]);
    const account = caseAfter([opened({ oldestDueDate: '2022-06-01', debtorRegion: 'WA', claimType: 'open-account' })]);
    expect(withinStatuteOfLimitations.check({ referral: goods, now })).toEqual({ pass: true });
    expect(withinStatuteOfLimitations.check({ referral: account, now }).pass).toBe(false);
  });

  it('judges a consumer account by the same table instead of treating it as barred', () => {
    const consumer = caseAfter([opened({ commercial: false, oldestDueDate: '2025-06-01', debtorRegion: 'TX' })]);
    expect(withinStatuteOfLimitations.check({ referral: consumer, now: new Date('2026-04-15T00:00:00.000Z') })).toEqual({ pass: true });
  });

  it('refuses a debtor outside the table (no US state or territory) rather than guess a period', () => {
    const referral = caseAfter([opened({ debtorCountry: 'GB', debtorRegion: null })]);
    expect(withinStatuteOfLimitations.check({ referral, now: new Date('2026-04-15T00:00:00.000Z') })).toEqual({
      pass: false,
      reason: 'no statute-of-limitations table for GB: refer by hand after a legal check',
    });
  });

  it('refuses a US debtor whose state is not known', () => {
    const referral = caseAfter([opened({ debtorCountry: 'US', debtorRegion: null })]);
    expect(withinStatuteOfLimitations.check({ referral, now: new Date('2026-04-15T00:00:00.000Z') }).pass).toBe(false);
  });
});
