import { given } from '@lib/es-core/testing/given-when-then';
import { agreementVersion } from '../commission-plan/commission.fixtures';
import { recomputeCommission } from '../commission-plan/recompute';
import type { ApplyLegalRate } from './ledger.commands';
import { LEGAL_RATE_BP, ledgerDecider } from './ledger.decider';
import type { LedgerEvent } from './ledger.events';
import { NOW, opened, payment, posted } from './ledger.fixtures';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
/** Legal forwarded the account at NOW; payments heard of it only `heardAfter` hours later. */
const forwarded = (heardAfter: number, overrides: Partial<ApplyLegalRate> = {}): ApplyLegalRate => ({ type: 'ApplyLegalRate', accountId: 'acc-1', rateBp: LEGAL_RATE_BP, forwardedAt: NOW, now: at(heardAfter), ...overrides });
const placedWithTerms = opened({ placedAt: '2026-05-01T00:00:00.000Z', placedAmount: 60_000 });
const plan = agreementVersion(1, '2026-05-15T00:00:00.000Z', { planId: 'nw', baseRateBp: 2_000, legalRateBp: 3_500, maximumFee: 3_000 });

function fold(events: readonly LedgerEvent[]) {
  return events.reduce(ledgerDecider.evolve, ledgerDecider.initialState());
}

function decided(history: LedgerEvent[], command: ApplyLegalRate): LedgerEvent[] {
  const { decision } = given(ledgerDecider, history).when(command);
  if (!Array.isArray(decision)) throw new Error(`refused: ${JSON.stringify(decision)}`);
  return decision;
}

describe('the legal rate from the moment of forwarding', () => {
  it('corrects the commission of a payment posted after the forwarding but before the forwarding was heard', () => {
    const late = posted({ postedAt: at(1).toISOString() });
    const events = decided([opened(), late], forwarded(2));
    expect(events).toEqual([
      { type: 'LegalRateApplied', data: { accountId: 'acc-1', rateBp: 4_000, appliedAt: NOW.toISOString() } },
      {
        type: 'CommissionCorrected',
        data: {
          accountId: 'acc-1',
          clientId: 'client-1',
          paymentId: 'pay-1',
          currency: 'USD',
          commissionBefore: 1_250,
          commission: 2_000,
          difference: 750,
          commissionRateBp: 4_000,
          plan: null,
          cause: 'legal-rate-from-forwarding',
          effectiveFrom: NOW.toISOString(),
          correctedAt: at(2).toISOString(),
        },
      },
    ]);
  });

  it('leaves a payment posted before the forwarding at the rate it was posted at', () => {
    const before = posted({ postedAt: at(-1).toISOString() });
    expect(decided([opened(), before], forwarded(2))).toEqual([{ type: 'LegalRateApplied', data: { accountId: 'acc-1', rateBp: 4_000, appliedAt: NOW.toISOString() } }]);
  });

  it('never rewrites the payment: the ledger reads the corrected commission from the correction on, and its total follows', () => {
    const history = [opened(), posted({ postedAt: at(1).toISOString() })];
    const after = fold([...history, ...decided(history, forwarded(2))]);
    expect(after).toMatchObject({ commissionTotal: 2_000, rateBp: 4_000, legalRateApplied: true, payments: [{ paymentId: 'pay-1', commission: 2_000, rateBp: 4_000 }] });
  });

  it('reverses a corrected payment by taking back the corrected commission', () => {
    const history = [opened(), posted({ postedAt: at(1).toISOString() })];
    const corrected = [...history, ...decided(history, forwarded(2))];
    const { decision } = given(ledgerDecider, corrected).when({ type: 'ReversePayment', paymentId: 'pay-1', reason: 'nsf', now: at(3) });
    expect(decision).toMatchObject([{ type: 'PaymentReversed', data: { commission: 2_000 } }]);
  });

  it('does not correct a payment already reversed when the forwarding is heard: its commission came off in full', () => {
    const history: LedgerEvent[] = [opened(), posted({ postedAt: at(1).toISOString() }), { type: 'PaymentReversed', data: { accountId: 'acc-1', clientId: 'client-1', paymentId: 'pay-1', amount: 5_000, currency: 'USD', allocations: [{ invoiceNumber: 'INV-1', amount: 5_000 }], commission: 1_250, credit: 0, reason: 'nsf', balanceAfter: 60_000, reversedAt: at(1.5).toISOString() } }];
    expect(decided(history, forwarded(2)).map((e) => e.type)).toEqual(['LegalRateApplied']);
  });

  it('recharges a payment under its plan at the plan’s legal rate, the maximum fee counting the corrections of the payments before it', () => {
    // Two payments of 5,000 after the forwarding at the plan's 20%: 1,000 each. At the plan's 35% legal rate: 1,750, then what is left under the 3,000 maximum fee: 1,250.
    const history = [placedWithTerms, ...decided([placedWithTerms], forwarded(0, { now: NOW }))];
    const unheard = [placedWithTerms];
    const first = given(ledgerDecider, unheard).when(payment({ agreements: [plan], now: at(1) }));
    const withFirst = [...unheard, ...(first.decision as LedgerEvent[])];
    const second = given(ledgerDecider, withFirst).when(payment({ paymentId: 'pay-2', agreements: [plan], now: at(2) }));
    const withBoth = [...withFirst, ...(second.decision as LedgerEvent[])];
    expect(withBoth.filter((e) => e.type === 'PaymentPosted.v2').map((e) => e.type === 'PaymentPosted.v2' && e.data.commission)).toEqual([1_000, 1_000]);

    const corrections = decided(withBoth, forwarded(3, { agreements: [plan] })).filter((e) => e.type === 'CommissionCorrected');
    expect(corrections.map((e) => e.type === 'CommissionCorrected' && [e.data.paymentId, e.data.commissionBefore, e.data.commission, e.data.plan])).toEqual([
      ['pay-1', 1_000, 1_750, { planId: 'nw', agreementVersion: 1, tierId: 'legal' }],
      ['pay-2', 1_000, 1_250, { planId: 'nw', agreementVersion: 1, tierId: 'legal' }],
    ]);
    // Heard in time, the same payments would have been charged exactly that.
    const heardInTime = given(ledgerDecider, history).when(payment({ agreements: [plan], now: at(1) }));
    expect(heardInTime.decision).toMatchObject([{ data: { commission: 1_750 } }]);
  });

  it('gives the corrected figure when the payment is recomputed from history', () => {
    const history = [opened(), posted({ postedAt: at(1).toISOString() })];
    expect(recomputeCommission([...history, ...decided(history, forwarded(2))], [], 'pay-1')).toBe(2_000);
  });

  it('counts a forwarding dated after now from now, so no payment is charged the legal rate for a moment not yet reached', () => {
    expect(decided([opened()], forwarded(0, { forwardedAt: at(5) }))).toEqual([{ type: 'LegalRateApplied', data: { accountId: 'acc-1', rateBp: 4_000, appliedAt: NOW.toISOString() } }]);
  });

  it('corrects a direct payment too, the difference owed by the client', () => {
    const history = [opened(), posted({ postedAt: at(1).toISOString(), direct: true, commissionOwedBy: 'client' })];
    const events = decided(history, forwarded(2));
    expect(events[1]).toMatchObject({ type: 'CommissionCorrected', data: { difference: 750, direct: true } });
    expect(fold([...history, ...events])).toMatchObject({ commissionOwedByClient: 2_000 });
  });

  it('changes nothing when the forwarding is heard again', () => {
    const history = [opened(), posted({ postedAt: at(1).toISOString() })];
    const once = [...history, ...decided(history, forwarded(2))];
    expect(decided(once, forwarded(3))).toEqual([]);
  });
});
