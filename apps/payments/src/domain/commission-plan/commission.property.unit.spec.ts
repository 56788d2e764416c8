import fc from 'fast-check';
import type { Decision } from '@lib/es-core';
import { ledgerDecider } from '../ledger/ledger.decider';
import type { LedgerCommand } from '../ledger/ledger.commands';
import type { LedgerEvent } from '../ledger/ledger.events';
import type { LedgerState } from '../ledger/ledger.state';
import type { AgreementVersion, RatePlan } from './agreement';
import { agreementVersion } from './commission.fixtures';
import { recomputeCommission, whatIfCommissions } from './recompute';

const rate = fc.integer({ min: 0, max: 10_000 });
const money = fc.integer({ min: 0, max: 200_000 });

const planArb: fc.Arbitrary<RatePlan> = fc.record({
  planId: fc.constantFrom('plan-a', 'plan-b', 'plan-c'),
  baseRateBp: rate,
  tiers: fc.array(
    fc.record(
      {
        tierId: fc.string({ minLength: 1, maxLength: 6 }),
        rateBp: rate,
        category: fc.constantFrom('standard' as const, 'nsf-cheque' as const, 'foreign' as const),
        minAgeDays: fc.integer({ min: 0, max: 400 }),
        maxPlacedAmount: fc.integer({ min: 1, max: 300_000 }),
      },
      { requiredKeys: ['tierId', 'rateBp'] },
    ),
    { maxLength: 4 },
  ),
  collectedThresholds: fc.uniqueArray(fc.integer({ min: 1, max: 150_000 }), { maxLength: 3 }).chain((uppers) =>
    fc.tuple(...uppers.sort((a, b) => a - b).map((upTo) => rate.map((rateBp) => ({ upTo, rateBp })))),
  ),
  minimumFee: fc.option(money, { nil: null }),
  maximumFee: fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: null }),
  legalRateBp: rate,
  halfFeeCases: fc.subarray(['returned-merchandise', 'paid-before-placement'] as const),
});

type Step =
  | { kind: 'pay'; amount: number; hours: number; feeCase?: 'returned-merchandise' | 'paid-before-placement'; designateNewest: boolean }
  | { kind: 'reverse'; which: number; hours: number }
  | { kind: 'legal'; hours: number; backHours: number }
  | { kind: 'agreement'; plan: RatePlan; inHours: number; hours: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('pay' as const), amount: fc.integer({ min: 1, max: 80_000 }), hours: fc.integer({ min: 0, max: 400 }), feeCase: fc.option(fc.constantFrom('returned-merchandise' as const, 'paid-before-placement' as const), { nil: undefined }), designateNewest: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), which: fc.nat(), hours: fc.integer({ min: 0, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('legal' as const), hours: fc.integer({ min: 0, max: 100 }), backHours: fc.integer({ min: 0, max: 600 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('agreement' as const), plan: planArb, inHours: fc.integer({ min: 0, max: 500 }), hours: fc.integer({ min: 0, max: 100 }) }) },
);

const START = Date.parse('2026-03-01T00:00:00.000Z');
const HOUR = 3_600_000;

/** Runs the ledger's decider over the steps, as the service would: each command against the state its history folds to. */
function run(placedAmounts: number[], category: 'standard' | 'nsf-cheque' | 'foreign', steps: Step[]) {
  const history: LedgerEvent[] = [];
  const agreements: AgreementVersion[] = [];
  /** How many versions payments had heard when each payment was posted. */
  const known = new Map<string, number>();
  let state: LedgerState = ledgerDecider.initialState();
  let now = START;
  const apply = (command: LedgerCommand) => {
    const decision: Decision<LedgerEvent> = ledgerDecider.decide(command, state);
    if (!Array.isArray(decision)) return;
    for (const event of decision) {
      history.push(event);
      state = ledgerDecider.evolve(state, event);
    }
  };
  const invoices = placedAmounts.map((amount, index) => ({ number: `INV-${index}`, dueDate: `2025-0${1 + index}-15`, amount }));
  apply({ type: 'OpenLedger', accountId: 'acc-1', clientId: 'client-1', currency: 'USD', invoices, commissionRateBp: 2_500, placedAt: new Date(START).toISOString(), placedAmount: placedAmounts.reduce((a, b) => a + b, 0), category });
  steps.forEach((step, index) => {
    now += step.hours * HOUR;
    const at = new Date(now);
    switch (step.kind) {
      case 'pay':
        known.set(`pay-${index}`, agreements.length);
        apply({ type: 'PostPayment', paymentId: `pay-${index}`, amount: step.amount, currency: 'USD', method: 'ach', feeCase: step.feeCase, designatedInvoices: step.designateNewest ? [invoices[invoices.length - 1].number] : undefined, agreements: [...agreements], now: at });
        break;
      case 'reverse': {
        const posted = history.filter((e) => e.type === 'PaymentPosted.v2');
        if (posted.length > 0) apply({ type: 'ReversePayment', paymentId: posted[step.which % posted.length].data.paymentId as string, reason: 'nsf', now: at });
        break;
      }
      case 'legal':
        // The forwarding may be heard late: dated up to 600 hours back, before payments already posted.
        apply({ type: 'ApplyLegalRate', accountId: 'acc-1', rateBp: 4_000, forwardedAt: new Date(now - step.backHours * HOUR), agreements: [...agreements], now: at });
        break;
      case 'agreement': {
        // As client-intake allows: never effective before now, always after the latest version.
        const latest = agreements[agreements.length - 1];
        const effectiveFrom = Math.max(now + step.inHours * HOUR, latest ? Date.parse(latest.effectiveFrom) + 1 : 0);
        agreements.push(agreementVersion(agreements.length + 1, new Date(effectiveFrom).toISOString(), step.plan));
        break;
      }
    }
  });
  return { history, agreements, known };
}

describe('commission recomputed from history (property)', () => {
  it('gives every past payment the figure it stands charged at (posted, or corrected after a late forwarding), every time, never above the amount applied', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 150_000 }), { minLength: 1, maxLength: 3 }), fc.constantFrom('standard' as const, 'nsf-cheque' as const, 'foreign' as const), fc.array(stepArb, { maxLength: 25 }), (placed, category, steps) => {
        const { history, agreements } = run(placed, category, steps);
        const corrected = new Map(history.flatMap((e) => (e.type === 'CommissionCorrected' ? [[e.data.paymentId, e.data.commission] as const] : [])));
        for (const event of history) {
          if (event.type !== 'PaymentPosted.v2') continue;
          const { paymentId, amount, credit } = event.data;
          const commission = corrected.get(paymentId) ?? event.data.commission;
          const first = recomputeCommission(history, agreements, paymentId);
          const again = recomputeCommission([...history], [...agreements].reverse(), paymentId);
          expect(first).toBe(commission);
          expect(again).toBe(commission);
          // The minimum fee is capped at the amount applied (commission.ts), so there is no exception to this.
          expect(commission).toBeGreaterThanOrEqual(0);
          expect(commission).toBeLessThanOrEqual(amount - credit);
          expect(Number.isSafeInteger(commission)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reproduces every charged figure in a what-if under the plan that charged it (difference 0)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 150_000 }), { minLength: 1, maxLength: 3 }), fc.array(stepArb, { maxLength: 25 }), (placed, steps) => {
        const { history, agreements } = run(placed, 'standard', steps);
        const posted = history.flatMap((e) => (e.type === 'PaymentPosted.v2' ? [e.data] : []));
        for (const payment of posted) {
          const at = Date.parse(payment.postedAt);
          // Payments at the same instant share the period; only when one version charged them all is one plan "the plan in force".
          const sameInstant = posted.filter((p) => Date.parse(p.postedAt) === at);
          const versions = new Set(sameInstant.map((p) => (p.plan ? p.plan.agreementVersion : null)));
          if (versions.size !== 1 || payment.plan == null || payment.preCollection) continue;
          const version = agreements.find((v) => v.version === payment.plan!.agreementVersion)!;
          const lines = whatIfCommissions(history, version.ratePlan, { from: new Date(at), to: new Date(at + 1) });
          expect(lines.map((line) => line.difference)).toEqual(sameInstant.map(() => 0));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stamps each payment with the version in force at its moment', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 20 }), (steps) => {
        const { history, agreements, known } = run([100_000], 'standard', steps);
        for (const event of history) {
          if (event.type !== 'PaymentPosted.v2') continue;
          const postedAt = Date.parse(event.data.postedAt);
          const inForce = agreements.slice(0, known.get(event.data.paymentId)).filter((v) => Date.parse(v.effectiveFrom) <= postedAt).pop();
          expect(event.data.plan?.agreementVersion ?? null).toBe(inForce?.version ?? null);
        }
      }),
      { numRuns: 200 },
    );
  });
});
