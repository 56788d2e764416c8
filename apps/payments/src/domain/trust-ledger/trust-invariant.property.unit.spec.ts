import fc from 'fast-check';
import { reconcile } from './reconciliation';
import type { RemittanceType } from './remittance';
import { advanceMoved, corrected, paid, refunded, remitted, reversed } from './trust-ledger.fixtures';
import { addTrustInput, initialTrustLedger, TrustInput } from './trust-ledger';

/**
 * The trust invariant (docs/domain.md, "Money"): at every moment, trust cash equals the
 * money collected and not yet remitted, to the cent. Checked after every step of random
 * sequences of agency and direct payments, reversals (before and after remittance), credit
 * refunds, remittance runs of the three types (net, gross, combined: paying out, netting
 * claw-backs, direct commission and commissions corrected after an earlier statement,
 * invoicing what the payout cannot cover), commissions corrected after posting (before or
 * after their remittance, up or down) and cost advances received, spent and refunded.
 * Two clients: few enough that a run often meets its client's earlier payments (a
 * claw-back or a correction line needs a statement before it), enough to keep each
 * client's money apart. Sequences run to 60 steps (`size: 'max'`: fast-check's default
 * size keeps arrays near ten, too short for pay, remit, correct, reverse, remit again).
 *
 * The reference model knows nothing of journal entries. It keeps, per payment, what the
 * client is entitled to and what it was paid, and per statement the money the rules say
 * moves; every account balance is then stated from those facts:
 * - trust cash: money received and not reversed, less refunds, payouts, fees taken, plus
 *   cost advances held;
 * - a client's payable: the share of its agency payments standing and not yet remitted;
 * - a client's receivable: what it was paid for remitted payments beyond what it is now
 *   entitled to (a bounced payment's share, gross commission, a commission raised after
 *   remittance), plus the commission on its direct payments, less what statements netted;
 * - fee income: commission earned on standing payments, less the fee taken out of trust.
 */

const CLIENTS = ['client-a', 'client-b'];

type Step =
  | { kind: 'pay'; client: number; applied: number; credit: number; rateBp: number; direct: boolean }
  | { kind: 'reverse'; pick: number }
  | { kind: 'refund'; pick: number; share: number }
  | { kind: 'remit'; client: number; mask: number; type: RemittanceType }
  | { kind: 'correct'; pick: number; share: number }
  | { kind: 'advance'; client: number; amount: number }
  | { kind: 'advance-out'; pick: number; share: number; spent: boolean };

const share = fc.double({ min: 0, max: 1, noNaN: true });
/** Which payments a statement names: often all of them, so a run meets its client's claw-backs and corrections as a real run would. */
const mask = fc.oneof(fc.constant(2 ** 30 - 1), fc.nat());
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('pay' as const), client: fc.nat(1), applied: fc.integer({ min: 0, max: 500_000 }), credit: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20_000 })), rateBp: fc.integer({ min: 0, max: 10_000 }), direct: fc.boolean() }).filter((p) => p.applied + p.credit > 0) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), share }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remit' as const), client: fc.nat(1), mask, type: fc.constantFrom<RemittanceType>('net', 'gross', 'combined') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(), share }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), client: fc.nat(1), amount: fc.integer({ min: 1, max: 300_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance-out' as const), pick: fc.nat(), share, spent: fc.boolean() }) },
);

interface ModelPayment {
  id: string;
  client: string;
  amount: number;
  applied: number;
  /** As it stands now, corrections included. */
  commission: number;
  postedCommission: number;
  /** The commission the client's statements settled: on the statement that listed it, then on correction lines. */
  settledCommission?: number;
  credit: number;
  refunded: number;
  direct: boolean;
  reversed: boolean;
  /** Set when a statement paid it out: the share the client got for it, and what went to the client in all (gross adds the commission). */
  remitted?: { share: number; paidToClient: number; feeTaken: number };
  /** A direct payment's commission or a claw-back, settled by a statement. */
  settled: boolean;
}

interface ModelAdvance {
  id: string;
  client: string;
  held: number;
}

/** Money statements moved, by the model's own arithmetic. */
interface ModelStatements {
  paidOut: number;
  feesTaken: number;
  /** Per client: what statements took off its payouts against what it owed. */
  netted: Map<string, number>;
}

const sum = <T>(list: readonly T[], of: (item: T) => number) => list.reduce((total, item) => total + of(item), 0);

function expected(payments: readonly ModelPayment[], advances: readonly ModelAdvance[], statements: ModelStatements) {
  const agency = payments.filter((p) => !p.direct);
  const entitled = (p: ModelPayment) => (p.reversed ? 0 : p.applied - p.commission);
  const owedBy = (p: ModelPayment) => (p.direct ? (p.reversed ? 0 : p.commission) : p.remitted ? p.remitted.paidToClient - entitled(p) : 0);
  const perClient = (of: (clientId: string) => number) => CLIENTS.map((clientId) => ({ clientId, amount: of(clientId) }));
  return {
    trustCash: sum(agency, (p) => (p.reversed ? 0 : p.amount) - p.refunded) - statements.paidOut - statements.feesTaken + sum(advances, (a) => a.held),
    creditsOwed: sum(agency, (p) => (p.reversed ? 0 : p.credit) - p.refunded),
    feeIncome: sum(payments, (p) => (p.reversed ? 0 : p.commission) - (p.remitted?.feeTaken ?? 0)),
    payables: perClient((clientId) => sum(agency, (p) => (p.client === clientId && !p.remitted ? entitled(p) : 0))),
    receivables: perClient((clientId) => sum(payments, (p) => (p.client === clientId ? owedBy(p) : 0)) - (statements.netted.get(clientId) ?? 0)),
    advancesHeld: perClient((clientId) => sum(advances, (a) => (a.client === clientId ? a.held : 0))),
  };
}

/**
 * One statement as the rules say it (docs/payments.md, "Remittance runs"), applied to the
 * model; returns the statement's recorded commissions and correction lines, as a run writes them.
 */
function remitInModel(named: readonly ModelPayment[], client: string, type: RemittanceType, statements: ModelStatements) {
  const own = named.filter((p) => p.client === client);
  const agency = own.filter((p) => !p.direct && !p.reversed && !p.remitted);
  const direct = own.filter((p) => p.direct && !p.reversed && !p.settled);
  const clawed = own.filter((p) => !p.direct && p.reversed && p.remitted && !p.settled);
  // Commission corrected after a statement settled the payment: settled here as its kind of commission is.
  const corrected = own.filter((p) => !p.reversed && (p.direct ? p.settled : !!p.remitted) && p.commission !== p.settledCommission);
  const correctionOf = (direct: boolean) => sum(corrected, (p) => (p.direct === direct ? p.commission - p.settledCommission! : 0));
  const shares = sum(agency, (p) => p.applied - p.commission);
  const fees = sum(agency, (p) => p.commission);
  // A claw-back owes back the share the client was paid for the payment, less corrections it settled since.
  const clawedBack = sum(clawed, (p) => p.remitted!.share);
  const payoutBefore = type === 'gross' ? shares + fees : shares;
  const owed = clawedBack + (type === 'net' ? sum(direct, (p) => p.commission) + correctionOf(true) : 0) + (type === 'gross' ? 0 : correctionOf(false));
  const netted = Math.min(payoutBefore, owed);
  statements.paidOut += payoutBefore - netted;
  statements.netted.set(client, (statements.netted.get(client) ?? 0) + netted);
  const lines = corrected.map((p) => ({ paymentId: p.id, remittanceId: 'r-earlier', direct: p.direct, commissionBefore: p.settledCommission!, commission: p.commission }));
  for (const p of corrected) {
    if (p.remitted) p.remitted.share -= p.commission - p.settledCommission!;
    p.settledCommission = p.commission;
  }
  const commissions = [...agency, ...direct].filter((p) => p.commission !== p.postedCommission).map((p) => ({ paymentId: p.id, commission: p.commission }));
  for (const p of agency) {
    const feeTaken = type === 'gross' ? 0 : p.commission;
    statements.feesTaken += feeTaken;
    p.remitted = { share: p.applied - p.commission, paidToClient: p.applied - feeTaken, feeTaken };
  }
  for (const p of [...agency, ...direct]) p.settledCommission = p.commission;
  for (const p of [...direct, ...clawed]) p.settled = true;
  return { commissions, commissionCorrections: lines };
}

const nonZero = (list: ReadonlyArray<{ clientId: string; amount: number }>) => list.filter((c) => c.amount !== 0);

describe('the trust invariant', () => {
  it('holds to the cent after every step of payments, reversals, direct payments, refunds, remittances of every type, commission corrections and cost advances', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60, size: 'max' }), (steps) => {
        const ledger = initialTrustLedger();
        const model: ModelPayment[] = [];
        const advances: ModelAdvance[] = [];
        const statements: ModelStatements = { paidOut: 0, feesTaken: 0, netted: new Map() };
        let remittances = 0;
        const asPosted = (p: ModelPayment) => paid(p.id, { clientId: p.client, applied: p.applied, commission: p.postedCommission, credit: p.credit, direct: p.direct });
        for (const s of steps) {
          const inputs: TrustInput[] = [];
          switch (s.kind) {
            case 'pay': {
              const commission = Math.floor((s.applied * s.rateBp) / 10_000);
              const p: ModelPayment = { id: `p${model.length}`, client: CLIENTS[s.client], amount: s.applied + s.credit, applied: s.applied, commission, postedCommission: commission, credit: s.credit, refunded: 0, direct: s.direct, reversed: false, settled: false };
              model.push(p);
              inputs.push(asPosted(p));
              break;
            }
            case 'reverse': {
              const standing = model.filter((p) => !p.reversed);
              if (standing.length === 0) break;
              const p = standing[s.pick % standing.length];
              inputs.push(reversed(asPosted(p), p.remitted ? 'remitted' : 'cleared'));
              p.reversed = true;
              break;
            }
            case 'refund': {
              const owing = model.filter((p) => !p.direct && !p.reversed && p.credit - p.refunded > 0);
              if (owing.length === 0) break;
              const p = owing[s.pick % owing.length];
              const amount = Math.max(1, Math.floor((p.credit - p.refunded) * s.share));
              inputs.push(refunded(asPosted(p), amount, `ref-${p.id}-${p.refunded}`));
              p.refunded += amount;
              break;
            }
            case 'remit': {
              const client = CLIENTS[s.client];
              // Any payment may be named, even ones a statement must not pay (another client's, reversed, already remitted or settled).
              const named = model.filter((_, i) => (s.mask >> i % 30) & 1);
              const issued = remitted(`r${remittances++}`, client, named.map((p) => p.id));
              const data = {
                ...issued.data,
                remittanceType: s.type,
                directPaymentIds: named.filter((p) => p.direct).map((p) => p.id),
                clawbacks: named.filter((p) => p.reversed).map((p) => ({ paymentId: p.id, remittanceId: 'r-earlier' })),
              };
              const { commissions, commissionCorrections } = remitInModel(named, client, s.type, statements);
              // A correction line repeated, or naming another client's payment, settles nothing twice.
              inputs.push({ ...issued, data: { ...data, commissions, commissionCorrections: [...commissionCorrections, ...commissionCorrections] } });
              break;
            }
            case 'correct': {
              // As the ledger decider corrects: a standing payment, to any commission from 0 to the amount applied.
              const standing = model.filter((p) => !p.reversed);
              if (standing.length === 0) break;
              const p = standing[s.pick % standing.length];
              const commission = Math.floor(p.applied * s.share);
              inputs.push(corrected(asPosted(p), p.commission, commission));
              p.commission = commission;
              break;
            }
            case 'advance': {
              const a: ModelAdvance = { id: `adv${advances.length}`, client: CLIENTS[s.client], held: s.amount };
              advances.push(a);
              inputs.push(advanceMoved('received', a.id, a.client, s.amount));
              break;
            }
            case 'advance-out': {
              const holding = advances.filter((a) => a.held > 0);
              if (holding.length === 0) break;
              const a = holding[s.pick % holding.length];
              const amount = Math.max(1, Math.floor(a.held * s.share));
              inputs.push(advanceMoved(s.spent ? 'spent' : 'refunded', a.id, a.client, amount));
              a.held -= amount;
              break;
            }
          }
          for (const input of inputs) addTrustInput(ledger, input);

          const want = expected(model, advances, statements);
          const [usd = undefined] = reconcile(ledger);
          const got = usd ?? { trustCash: 0, creditsOwed: 0, feeIncome: 0, clientPayables: [], clientReceivables: [], costAdvancesHeld: [], collectedNotRemitted: 0, invariantHolds: true };
          expect(ledger.entries.every((e) => e.lines.reduce((d, l) => d + l.debit - l.credit, 0) === 0)).toBe(true);
          expect({ trustCash: got.trustCash, collectedNotRemitted: got.collectedNotRemitted, creditsOwed: got.creditsOwed, feeIncome: got.feeIncome }).toEqual({
            trustCash: want.trustCash,
            collectedNotRemitted: want.trustCash,
            creditsOwed: want.creditsOwed,
            feeIncome: want.feeIncome,
          });
          expect(nonZero(got.clientPayables)).toEqual(nonZero(want.payables));
          expect(nonZero(got.clientReceivables)).toEqual(nonZero(want.receivables));
          expect(nonZero(got.costAdvancesHeld)).toEqual(nonZero(want.advancesHeld));
          expect(got.invariantHolds).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
