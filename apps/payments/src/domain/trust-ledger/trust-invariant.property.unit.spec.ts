import fc from 'fast-check';
import { reconcile } from './reconciliation';
import type { RemittanceType } from './remittance';
import { paid, refunded, remitted, reversed } from './trust-ledger.fixtures';
import { addTrustInput, initialTrustLedger, TrustInput } from './trust-ledger';

/**
 * The trust invariant (docs/domain.md, "Money"): at every moment, trust cash equals the
 * money collected and not yet remitted, to the cent. Checked against a reference model
 * that knows nothing of journal entries, after every step of random sequences of agency
 * and direct payments, reversals (in the hold, after clearing, after remittance), credit
 * refunds and remittance runs of the three types (net, gross, combined), whose statements
 * also claw back reversals after remittance and settle direct-payment commission, netting
 * them against the payout and invoicing what it cannot cover.
 */

const CLIENTS = ['client-a', 'client-b', 'client-c'];

type Step =
  | { kind: 'pay'; client: number; applied: number; credit: number; rateBp: number; direct: boolean }
  | { kind: 'reverse'; pick: number }
  | { kind: 'refund'; pick: number; share: number }
  | { kind: 'remit'; client: number; mask: number; type: RemittanceType };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('pay' as const), client: fc.nat(2), applied: fc.integer({ min: 0, max: 500_000 }), credit: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20_000 })), rateBp: fc.integer({ min: 0, max: 10_000 }), direct: fc.boolean() }).filter((p) => p.applied + p.credit > 0) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remit' as const), client: fc.nat(2), mask: fc.nat(), type: fc.constantFrom<RemittanceType>('net', 'gross', 'combined') }) },
);

interface ModelPayment {
  id: string;
  client: string;
  amount: number;
  applied: number;
  commission: number;
  credit: number;
  refunded: number;
  direct: boolean;
  reversed: boolean;
  remitted: boolean;
  /** A direct payment's commission or a claw-back, settled by a statement. */
  settled: boolean;
}

/** Money the remittances moved, by the model's own arithmetic (not the ledger's). */
interface ModelRemittances {
  paidOut: number;
  feesTaken: number;
  /** Per client: commission a gross statement turned into a receivable, less what statements netted. */
  receivableChange: Map<string, number>;
}

/** What every account should show, from the model's own bookkeeping. */
function expected(payments: readonly ModelPayment[], remittances: ModelRemittances) {
  const agency = payments.filter((p) => !p.direct);
  const sum = (list: readonly ModelPayment[], of: (p: ModelPayment) => number) => list.reduce((total, p) => total + of(p), 0);
  const perClient = (of: (p: ModelPayment) => number) => CLIENTS.map((clientId) => ({ clientId, amount: sum(payments.filter((p) => p.client === clientId), of) }));
  return {
    trustCash: sum(agency, (p) => (p.reversed ? 0 : p.amount) - p.refunded) - remittances.paidOut - remittances.feesTaken,
    creditsOwed: sum(agency, (p) => (p.reversed ? 0 : p.credit) - p.refunded),
    feeIncome: sum(payments, (p) => (p.reversed ? 0 : p.commission)) - remittances.feesTaken,
    payables: perClient((p) => (!p.direct && !p.reversed && !p.remitted ? p.applied - p.commission : 0)),
    receivables: perClient((p) => (p.direct ? (p.reversed ? 0 : p.commission) : p.reversed && p.remitted ? p.applied - p.commission : 0)).map(({ clientId, amount }) => ({
      clientId,
      amount: amount + (remittances.receivableChange.get(clientId) ?? 0),
    })),
  };
}

const nonZero = (list: ReadonlyArray<{ clientId: string; amount: number }>) => list.filter((c) => c.amount !== 0);

describe('the trust invariant', () => {
  it('holds to the cent after every step of any sequence of payments, reversals, direct payments, refunds and remittances', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const ledger = initialTrustLedger();
        const model: ModelPayment[] = [];
        let remittances = 0;
        const moved: ModelRemittances = { paidOut: 0, feesTaken: 0, receivableChange: new Map() };
        for (const s of steps) {
          const inputs: TrustInput[] = [];
          switch (s.kind) {
            case 'pay': {
              const commission = Math.floor((s.applied * s.rateBp) / 10_000);
              const p: ModelPayment = { id: `p${model.length}`, client: CLIENTS[s.client], amount: s.applied + s.credit, applied: s.applied, commission, credit: s.credit, refunded: 0, direct: s.direct, reversed: false, remitted: false, settled: false };
              model.push(p);
              inputs.push(paid(p.id, { clientId: p.client, applied: p.applied, commission, credit: p.credit, direct: p.direct }));
              break;
            }
            case 'reverse': {
              const standing = model.filter((p) => !p.reversed);
              if (standing.length === 0) break;
              const p = standing[s.pick % standing.length];
              inputs.push(reversed(paid(p.id, { clientId: p.client, applied: p.applied, commission: p.commission, credit: p.credit, direct: p.direct }), p.remitted ? 'remitted' : 'cleared'));
              p.reversed = true;
              break;
            }
            case 'refund': {
              const owing = model.filter((p) => !p.direct && !p.reversed && p.credit - p.refunded > 0);
              if (owing.length === 0) break;
              const p = owing[s.pick % owing.length];
              const amount = Math.max(1, Math.floor((p.credit - p.refunded) * s.share));
              inputs.push(refunded(paid(p.id, { clientId: p.client, applied: p.applied, commission: p.commission, credit: p.credit }), amount, `ref-${p.id}-${p.refunded}`));
              p.refunded += amount;
              break;
            }
            case 'remit': {
              const client = CLIENTS[s.client];
              // Any of the client's payments may be named, even ones a statement must not pay (direct, reversed, already remitted, another client's).
              const named = model.filter((_, i) => (s.mask >> i % 30) & 1);
              const own = named.filter((p) => p.client === client);
              const agency = own.filter((p) => !p.direct && !p.reversed && !p.remitted);
              const direct = own.filter((p) => p.direct && !p.reversed && !p.settled);
              const clawed = own.filter((p) => !p.direct && p.reversed && p.remitted && !p.settled);
              const id = `r${remittances++}`;
              inputs.push({
                ...remitted(id, client, named.map((p) => p.id)),
                data: {
                  ...remitted(id, client, named.map((p) => p.id)).data,
                  remittanceType: s.type,
                  directPaymentIds: named.filter((p) => p.direct).map((p) => p.id),
                  clawbacks: named.filter((p) => p.reversed).map((p) => ({ paymentId: p.id, remittanceId: 'r-earlier' })),
                },
              });
              const share = agency.reduce((t, p) => t + p.applied - p.commission, 0);
              const fees = agency.reduce((t, p) => t + p.commission, 0);
              const directFees = direct.reduce((t, p) => t + p.commission, 0);
              const clawedBack = clawed.reduce((t, p) => t + p.applied - p.commission, 0);
              // The three types, written out as the rules say them.
              let payout: number;
              let feesTaken: number;
              let owedBefore: number;
              if (s.type === 'net') [payout, feesTaken, owedBefore] = [share - clawedBack - directFees, fees, clawedBack + directFees];
              else if (s.type === 'gross') [payout, feesTaken, owedBefore] = [share + fees - clawedBack, 0, clawedBack];
              else [payout, feesTaken, owedBefore] = [share - clawedBack, fees, clawedBack];
              const netted = owedBefore - Math.max(0, -payout);
              moved.paidOut += Math.max(0, payout);
              moved.feesTaken += feesTaken;
              moved.receivableChange.set(client, (moved.receivableChange.get(client) ?? 0) + (s.type === 'gross' ? fees : 0) - netted);
              for (const p of agency) p.remitted = true;
              for (const p of [...direct, ...clawed]) p.settled = true;
              break;
            }
          }
          for (const input of inputs) addTrustInput(ledger, input);

          const want = expected(model, moved);
          const [usd = undefined] = reconcile(ledger);
          const got = usd ?? { trustCash: 0, creditsOwed: 0, feeIncome: 0, clientPayables: [], clientReceivables: [], invariantHolds: true, entriesBalanced: true };
          expect(ledger.entries.every((e) => e.lines.reduce((d, l) => d + l.debit - l.credit, 0) === 0)).toBe(true);
          expect({ trustCash: got.trustCash, creditsOwed: got.creditsOwed, feeIncome: got.feeIncome }).toEqual({ trustCash: want.trustCash, creditsOwed: want.creditsOwed, feeIncome: want.feeIncome });
          expect(nonZero(got.clientPayables)).toEqual(nonZero(want.payables));
          expect(nonZero(got.clientReceivables)).toEqual(nonZero(want.receivables));
          expect(got.invariantHolds).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
