import type { Decision } from '@lib/es-core';
import { ledgerDecider } from '../ledger/ledger.decider';
import type { LedgerCommand } from '../ledger/ledger.commands';
import type { LedgerEvent } from '../ledger/ledger.events';
import { opened } from '../ledger/ledger.fixtures';
import { agreementVersion, ratePlan } from './commission.fixtures';
import { whatIfCommissions } from './recompute';

const day = (n: number) => new Date(Date.parse('2026-06-01T09:00:00.000Z') + n * 86_400_000);
const JUNE = { from: new Date('2026-06-01T00:00:00.000Z'), to: new Date('2026-07-01T00:00:00.000Z') };
const inForce = agreementVersion(1, '2026-05-15T00:00:00.000Z', { planId: 'nw', baseRateBp: 2_000, collectedThresholds: [{ upTo: 10_000, rateBp: 5_000 }] });

/** The ledger's history as the decider writes it for these commands, in order. */
function historyOf(first: LedgerEvent, commands: LedgerCommand[]): LedgerEvent[] {
  const history = [first];
  for (const command of commands) {
    const state = history.reduce(ledgerDecider.evolve, ledgerDecider.initialState());
    const decision: Decision<LedgerEvent> = ledgerDecider.decide(command, state);
    if (!Array.isArray(decision)) throw new Error(`refused: ${JSON.stringify(decision)}`);
    history.push(...decision);
  }
  return history;
}

const pay = (paymentId: string, amount: number, at: Date) => ({ type: 'PostPayment' as const, paymentId, amount, currency: 'USD', method: 'ach' as const, agreements: [inForce], now: at });
const placed = opened({ placedAt: '2026-05-01T00:00:00.000Z', placedAmount: 60_000 });

describe('what-if commission', () => {
  it('gives back every recorded figure under the plan that charged them: difference 0', () => {
    const history = historyOf(placed, [pay('p1', 8_000, day(0)), pay('p2', 8_000, day(1))]);
    expect(whatIfCommissions(history, inForce.ratePlan, JUNE).map((l) => [l.paymentId, l.recorded, l.whatIf, l.difference, l.basis])).toEqual([
      ['p1', 4_000, 4_000, 0, 'plan'],
      ['p2', 2_200, 2_200, 0, 'plan'],
    ]);
  });

  it('recomputes each payment of the period under another plan and shows the difference', () => {
    const history = historyOf(placed, [pay('p1', 8_000, day(0)), pay('p2', 8_000, day(1))]);
    expect(whatIfCommissions(history, ratePlan({ planId: 'flat', baseRateBp: 1_000 }), JUNE).map((l) => [l.paymentId, l.whatIf, l.difference])).toEqual([
      ['p1', 800, -3_200],
      ['p2', 800, -1_400],
    ]);
  });

  it('counts the what-if figures of the period’s earlier payments toward the maximum fee, and the recorded ones of payments before the period', () => {
    const history = historyOf(placed, [pay('p0', 8_000, day(-10)), pay('p1', 8_000, day(0)), pay('p2', 8_000, day(1))]);
    // Recorded: p0 4,000; under a 50% plan capped at 6,000 per account, p1 takes the 2,000 left and p2 nothing.
    const capped = whatIfCommissions(history, ratePlan({ planId: 'capped', baseRateBp: 5_000, maximumFee: 6_000 }), JUNE);
    expect(capped.map((l) => [l.paymentId, l.whatIf])).toEqual([
      ['p1', 2_000],
      ['p2', 0],
    ]);
  });

  it('charges a plan’s legal rate from the forwarding’s moment, as the ledger stands corrected', () => {
    const history = historyOf(placed, [pay('p1', 8_000, day(1)), { type: 'ApplyLegalRate', accountId: 'acc-1', rateBp: 4_000, forwardedAt: day(0), agreements: [inForce], now: day(2) }]);
    expect(history.map((e) => e.type)).toContain('CommissionCorrected');
    const [line] = whatIfCommissions(history, inForce.ratePlan, JUNE);
    expect(line).toMatchObject({ recorded: 3_200, whatIf: 3_200, difference: 0 });
  });

  it('lists a reversed payment, and keeps the recorded figure of a ledger opened before plans', () => {
    const reversed = historyOf(placed, [pay('p1', 8_000, day(0)), { type: 'ReversePayment', paymentId: 'p1', reason: 'nsf', now: day(1) }]);
    expect(whatIfCommissions(reversed, inForce.ratePlan, JUNE)).toMatchObject([{ paymentId: 'p1', reversed: true }]);
    const beforePlans = historyOf(opened(), [pay('p1', 8_000, day(0))]);
    expect(whatIfCommissions(beforePlans, ratePlan({ planId: 'flat', baseRateBp: 1_000 }), JUNE)).toMatchObject([{ recorded: 2_000, whatIf: 2_000, difference: 0, basis: 'no-terms' }]);
  });

  it('leaves out payments outside [from, to)', () => {
    const history = historyOf(placed, [pay('p1', 8_000, day(-1)), pay('p2', 8_000, day(30))]);
    expect(whatIfCommissions(history, inForce.ratePlan, JUNE)).toEqual([]);
  });
});
