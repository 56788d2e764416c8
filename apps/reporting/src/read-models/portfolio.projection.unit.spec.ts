import { AccountClosed, AccountPlaced, AccountReopened, PaymentPosted, PaymentReversed } from '@lib/contracts';
import { portfolioProjection } from './portfolio.projection';
import { accountClosed, accountPlaced, accountReopened, foldProjection, paymentPosted, paymentReversed, projected } from './reporting.fixtures';

const CLIENT = 'client-1';
const placed = (accountId: string, amount: number, currency = 'USD') => projected(AccountPlaced, accountPlaced(accountId, CLIENT, amount, currency), `account-${accountId}`, 0);
const paid = (accountId: string, paymentId: string, amount: number, version: number, currency = 'USD') =>
  projected(PaymentPosted, paymentPosted(accountId, CLIENT, paymentId, amount, 0, currency), `ledger-${accountId}`, version);
const reversed = (accountId: string, paymentId: string, amount: number, version: number) =>
  projected(PaymentReversed, paymentReversed(accountId, CLIENT, paymentId, amount, 0), `ledger-${accountId}`, version);
const closed = (accountId: string, code: string, version: number) => projected(AccountClosed, accountClosed(accountId, CLIENT, code), `account-${accountId}`, version);
const reopened = (accountId: string, version: number) => projected(AccountReopened, accountReopened(accountId, CLIENT, 100), `account-${accountId}`, version);

describe('the portfolio read model', () => {
  it('counts a placed account as placed and active, in the currency of its placement', () => {
    expect(foldProjection(portfolioProjection, [placed('a1', 300_000), placed('a2', 450_050)], CLIENT)).toMatchObject({
      clientId: CLIENT,
      currency: 'USD',
      placedCount: 2,
      placedAmount: 750_050,
      collected: 0,
      recoveryRateBp: 0,
      active: 2,
      closedByCode: {},
    });
  });

  it('collects payments minus reversals and rates the recovery half-up in basis points', () => {
    const portfolio = foldProjection(portfolioProjection, [placed('a1', 300_000), paid('a1', 'p1', 100_000, 1), paid('a1', 'p2', 50_000, 2), reversed('a1', 'p2', 50_000, 3)], CLIENT);
    expect(portfolio).toMatchObject({ collected: 100_000, recoveryRateBp: 3_333 });
  });

  it('counts closed accounts by closing code and no longer as active', () => {
    const portfolio = foldProjection(portfolioProjection, [placed('a1', 100), placed('a2', 100), placed('a3', 100), closed('a1', 'paid-in-full', 2), closed('a2', 'recalled', 1)], CLIENT);
    expect(portfolio).toMatchObject({ placedCount: 3, active: 1, closedByCode: { 'paid-in-full': 1, recalled: 1 } });
  });

  it('counts a reopened account as active and no longer closed, and once closed again, once', () => {
    const before = [placed('a1', 100), placed('a2', 100), closed('a2', 'recalled', 1), paid('a1', 'p1', 100, 1), closed('a1', 'paid-in-full', 1)];
    expect(foldProjection(portfolioProjection, before, CLIENT)).toMatchObject({ active: 0, closedByCode: { 'paid-in-full': 1, recalled: 1 } });
    const afterReopening = foldProjection(portfolioProjection, [...before, reversed('a1', 'p1', 100, 2), reopened('a1', 2)], CLIENT);
    expect(afterReopening).toMatchObject({ placedCount: 2, active: 1 });
    // No code is left behind with a count of zero: the portfolio reads as if a1 never closed.
    expect(afterReopening?.closedByCode).toEqual({ recalled: 1 });
    const closedAgain = foldProjection(portfolioProjection, [...before, reversed('a1', 'p1', 100, 2), reopened('a1', 2), paid('a1', 'p2', 100, 3), closed('a1', 'paid-in-full', 3)], CLIENT);
    expect(closedAgain).toMatchObject({ placedCount: 2, active: 0, closedByCode: { 'paid-in-full': 1, recalled: 1 } });
  });

  it('gives the same counts whichever of a closing and its reopening arrives first', () => {
    const inOrder = foldProjection(portfolioProjection, [placed('a1', 100), closed('a1', 'paid-in-full', 1), reopened('a1', 2), closed('a1', 'paid-in-full', 3)], CLIENT);
    const reopeningFirst = foldProjection(portfolioProjection, [placed('a1', 100), reopened('a1', 2), closed('a1', 'paid-in-full', 3), closed('a1', 'paid-in-full', 1)], CLIENT);
    expect(reopeningFirst).toEqual(inOrder);
    expect(inOrder).toMatchObject({ active: 0, closedByCode: { 'paid-in-full': 1 } });
  });

  it('rates the recovery right across a payment posted, reversed and posted again', () => {
    const events = [placed('a1', 300_000), paid('a1', 'p1', 300_000, 1)];
    expect(foldProjection(portfolioProjection, events, CLIENT)).toMatchObject({ collected: 300_000, recoveryRateBp: 10_000 });
    events.push(reversed('a1', 'p1', 300_000, 2));
    expect(foldProjection(portfolioProjection, events, CLIENT)).toMatchObject({ collected: 0, recoveryRateBp: 0 });
    events.push(paid('a1', 'p2', 300_000, 3));
    expect(foldProjection(portfolioProjection, events, CLIENT)).toMatchObject({
      collected: 300_000,
      recoveryRateBp: 10_000,
      byCurrency: { USD: { placedAmount: 300_000, collected: 300_000, recoveryRateBp: 10_000 } },
    });
  });

  it('keeps amounts of another currency out of the headline figures', () => {
    const portfolio = foldProjection(portfolioProjection, [placed('a1', 100_000), placed('e1', 80_000, 'EUR'), paid('e1', 'p1', 20_000, 1, 'EUR')], CLIENT);
    expect(portfolio).toMatchObject({
      currency: 'USD',
      placedCount: 2,
      placedAmount: 100_000,
      collected: 0,
      byCurrency: { USD: { placedAmount: 100_000, collected: 0, recoveryRateBp: 0 }, EUR: { placedAmount: 80_000, collected: 20_000, recoveryRateBp: 2_500 } },
    });
  });

  it('gives the same figures when a payment arrives before its placement', () => {
    const inOrder = foldProjection(portfolioProjection, [placed('a1', 400_000), paid('a1', 'p1', 100_000, 1)], CLIENT);
    const paymentFirst = foldProjection(portfolioProjection, [paid('a1', 'p1', 100_000, 1), placed('a1', 400_000)], CLIENT);
    expect(paymentFirst).toEqual(inOrder);
    expect(inOrder).toMatchObject({ collected: 100_000, recoveryRateBp: 2_500 });
  });
});
