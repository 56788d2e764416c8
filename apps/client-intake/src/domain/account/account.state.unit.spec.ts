import { fold } from '@lib/es-core';
import { accountDecider } from './account.decider';
import { closedAs, closedPaid, contactNoted, legalAuthorized, NOW, paymentNoted, placed, reopened, standing } from './account.fixtures';

describe('the account as a reader folds it', () => {
  it('is unknown before its placement', () => expect(fold(accountDecider, [])).toEqual({ status: 'none' }));

  it('is active with its placement as received, never reopened and not authorized for suit', () =>
    expect(fold(accountDecider, [placed])).toEqual({ status: 'active', placement: placed.data, legalAuthorized: false, reopenedAt: null, standing: standing() }));

  it('is closed with the code and time of its closure', () =>
    expect(fold(accountDecider, [placed, legalAuthorized, closedAs('recalled')])).toEqual({
      status: 'closed',
      placement: placed.data,
      legalAuthorized: true,
      standing: standing(),
      closingCode: 'recalled',
      closedAt: NOW.toISOString(),
    }));

  it('is active again after a reopening, with when it reopened and no closing code', () => {
    const reopenedAt = new Date('2026-03-05T00:00:00.000Z');
    expect(fold(accountDecider, [placed, closedPaid, reopened('pay-1', reopenedAt)])).toEqual({
      status: 'active',
      placement: placed.data,
      legalAuthorized: false,
      reopenedAt: reopenedAt.toISOString(),
      standing: standing({ balance: 500_000 }),
    });
  });

  it('keeps the balance and the payments payments reported, and counts an agency payment as work begun', () => {
    const state = fold(accountDecider, [placed, paymentNoted({ balanceAfter: 400_000 })]);
    expect(state).toMatchObject({ standing: { balance: 400_000, workBegan: true, payments: [{ paymentId: 'pay-1', method: 'check', direct: false }] } });
  });

  it('counts a contact attempt as work begun', () => expect(fold(accountDecider, [placed, contactNoted])).toMatchObject({ standing: { workBegan: true } }));
});
