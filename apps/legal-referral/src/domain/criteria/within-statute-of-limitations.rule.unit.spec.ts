import { caseAfter, opened } from '../referral/referral.fixtures';
import { limitationEndsOn, withinStatuteOfLimitations } from './within-statute-of-limitations.rule';

describe('within-statute-of-limitations', () => {
  const referral = caseAfter([opened({ oldestDueDate: '2022-05-10' })]);

  it('ends the UCC period four calendar years after the oldest due date', () => {
    expect(limitationEndsOn('2022-05-10').toISOString()).toBe('2026-05-10T00:00:00.000Z');
    expect(limitationEndsOn('2024-02-29').toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('passes a commercial sale-of-goods debt the day before the period ends', () => {
    expect(withinStatuteOfLimitations.check({ referral, now: new Date('2026-05-09T23:59:59.999Z') })).toEqual({ pass: true });
  });

  it('refuses a time-barred debt from the day the period ends', () => {
    expect(withinStatuteOfLimitations.check({ referral, now: new Date('2026-05-10T00:00:00.000Z') })).toEqual({
      pass: false,
      reason: 'time-barred: the oldest invoice fell due on 2022-05-10; the 4-year UCC period ended on 2026-05-10',
    });
  });

  it('refuses a consumer debt until the state tables exist, rather than risk suing on a barred debt', () => {
    const consumer = caseAfter([opened({ commercial: false })]);
    const verdict = withinStatuteOfLimitations.check({ referral: consumer, now: new Date('2026-04-15T00:00:00.000Z') });
    expect(verdict.pass).toBe(false);
  });
});
