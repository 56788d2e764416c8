import { given } from '@lib/es-core/testing/given-when-then';
import type { CostAdvanceCommand, RequestCostAdvance } from './cost-advances.commands';
import { costAdvancesDecider } from './cost-advances.decider';
import type { CostAdvanceEvent } from './cost-advance.events';
import { evolveCostAdvances, initialCostAdvancesState, statusOf } from './cost-advances.state';

const NOW = new Date('2026-09-01T10:00:00.000Z');
const AT = NOW.toISOString();
const ref = { advanceId: 'adv-1', accountId: 'acc-1', clientId: 'client-1', currency: 'USD' };

const request = (overrides: Partial<RequestCostAdvance> = {}): RequestCostAdvance => ({
  type: 'RequestCostAdvance',
  advanceId: 'adv-1',
  accountId: 'acc-1',
  account: { clientId: 'client-1', currency: 'USD' },
  kind: 'court-costs',
  amount: 40_000,
  currency: 'USD',
  description: 'Filing fee, Kings County',
  now: NOW,
  ...overrides,
});
const step = <T extends Exclude<CostAdvanceCommand, RequestCostAdvance>['type']>(type: T, amount: number, extra: Record<string, unknown> = {}) =>
  ({ type, advanceId: 'adv-1', amount, currency: 'USD', now: NOW, ...extra }) as Extract<CostAdvanceCommand, { type: T }>;

const requested: CostAdvanceEvent = { type: 'CostAdvanceRequested', data: { ...ref, kind: 'court-costs', amount: 40_000, description: 'Filing fee, Kings County', requestedAt: AT } };
const received = (amount: number, heldAfter = amount): CostAdvanceEvent => ({ type: 'CostAdvanceReceived', data: { ...ref, amount, heldAfter, receivedAt: AT } });
const spent = (amount: number, heldAfter: number): CostAdvanceEvent => ({ type: 'CostAdvanceSpent', data: { ...ref, amount, paidTo: 'Clerk of Court', heldAfter, spentAt: AT } });

describe('a cost advance', () => {
  it('is requested from the client for the account’s ledger, in its currency', () => {
    given(costAdvancesDecider).when(request()).then([requested]);
  });

  it('cannot be requested for an account payments has no ledger for', () => {
    given(costAdvancesDecider).when(request({ account: undefined })).thenRejects('ledger-unknown');
  });

  it('is refused in another currency than the account’s', () => {
    given(costAdvancesDecider).when(request({ currency: 'EUR' })).thenRejects('currency-mismatch');
  });

  it('is refused for an amount that is not a whole positive number of minor units', () => {
    given(costAdvancesDecider).when(request({ amount: 0 })).thenRejects('cost-advance-amount-positive');
    given(costAdvancesDecider, [requested]).when(step('ReceiveCostAdvance', 1.5)).thenRejects('cost-advance-amount-positive');
  });

  it('is received into trust, in parts, up to what was requested', () => {
    given(costAdvancesDecider, [requested]).when(step('ReceiveCostAdvance', 25_000)).then([received(25_000)]);
    given(costAdvancesDecider, [requested, received(25_000)]).when(step('ReceiveCostAdvance', 15_000)).then([received(15_000, 40_000)]);
  });

  it('refuses a receipt above what is still to come, saying how much is', () => {
    const { decision } = given(costAdvancesDecider, [requested, received(25_000)]).when(step('ReceiveCostAdvance', 15_001));
    expect(decision).toMatchObject({ kind: 'rejection', rule: 'receipt-exceeds-request', details: { outstanding: 15_000 } });
  });

  it('is spent on costs only from what trust holds of it', () => {
    given(costAdvancesDecider, [requested, received(40_000)]).when(step('SpendCostAdvance', 30_000, { paidTo: 'Clerk of Court' })).then([spent(30_000, 10_000)]);
    given(costAdvancesDecider, [requested, received(20_000)]).when(step('SpendCostAdvance', 20_001, { paidTo: 'Clerk of Court' })).thenRejects('cost-advance-exceeds-held');
  });

  it('is recovered by adding what was spent to the judgment, never more than was spent', () => {
    const history = [requested, received(40_000), spent(30_000, 10_000)];
    given(costAdvancesDecider, history)
      .when(step('RecoverCostAdvance', 30_000, { judgmentReference: 'KC-2026-1187' }))
      .then([{ type: 'CostAdvanceRecovered', data: { ...ref, amount: 30_000, judgmentReference: 'KC-2026-1187', recoveredAt: AT } }]);
    given(costAdvancesDecider, history).when(step('RecoverCostAdvance', 30_001, { judgmentReference: 'KC-2026-1187' })).thenRejects('recovery-exceeds-spent');
  });

  it('refunds what was not spent to the client, and then holds nothing', () => {
    const history = [requested, received(40_000), spent(30_000, 10_000)];
    given(costAdvancesDecider, history).when(step('RefundCostAdvance', 10_000)).then([{ type: 'CostAdvanceRefunded', data: { ...ref, amount: 10_000, heldAfter: 0, refundedAt: AT } }]);
    given(costAdvancesDecider, history).when(step('RefundCostAdvance', 10_001)).thenRejects('cost-advance-exceeds-held');
    const state = [...history, { type: 'CostAdvanceRefunded', data: { ...ref, amount: 10_000, heldAfter: 0, refundedAt: AT } } as CostAdvanceEvent].reduce(evolveCostAdvances, initialCostAdvancesState());
    expect(state.advances[0]).toMatchObject({ requested: 40_000, received: 40_000, spent: 30_000, refunded: 10_000 });
    expect(statusOf(state.advances[0])).toBe('refunded');
  });

  it('refuses any step on an advance never requested', () => {
    given(costAdvancesDecider, [requested]).when({ ...step('ReceiveCostAdvance', 1), advanceId: 'adv-2' }).thenRejects('cost-advance-unknown');
  });

  it('refuses a step in another currency than the advance’s', () => {
    given(costAdvancesDecider, [requested]).when({ ...step('ReceiveCostAdvance', 1), currency: 'EUR' }).thenRejects('currency-mismatch');
  });
});
