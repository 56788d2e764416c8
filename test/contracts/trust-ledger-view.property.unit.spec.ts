/**
 * Reporting's trust ledger view (apps/reporting/src/read-models/trust-ledger.projection.ts)
 * against payments' trust ledger (apps/payments/src/domain/trust-ledger/), the two sides of
 * the published language: for random sequences of agency and direct payments (with
 * over-payment credits), reversals before and after remittance, commission corrections,
 * credit refunds, cost advances and remittance runs of the three types, the view folded
 * from the messages payments publishes shows, after every step and for each client, the
 * balances payments' reconciliation shows for that client (`?clientId=`), to the cent.
 * Here and not in either app: each app's code may not import the other's.
 */
import fc from 'fast-check';
import { CommissionCorrected, CostAdvanceStepRecorded, CreditRefunded, PaymentPosted, PaymentReversed, RemittanceIssuedV1 } from '@lib/contracts';
import type { ProjectedEvent } from '@lib/read-models';
import { reconcile } from '../../apps/payments/src/domain/trust-ledger/reconciliation';
import { remittanceMoney, RemittanceType } from '../../apps/payments/src/domain/trust-ledger/remittance';
import { advanceMoved, corrected, paid, refunded, remitted, reversed } from '../../apps/payments/src/domain/trust-ledger/trust-ledger.fixtures';
import { TrustInput, trustLedgerOf, TrustPaymentPosted } from '../../apps/payments/src/domain/trust-ledger/trust-ledger';
import { TrustLedgerDocument, trustLedgerEntries, trustLedgerProjection, trustLedgerReport } from '../../apps/reporting/src/read-models/trust-ledger.projection';

const CLIENTS = ['client-a', 'client-b'];
const AT = '2026-06-01T09:00:00.000Z';

type Step =
  | { kind: 'pay'; client: number; applied: number; credit: number; rateBp: number; direct: boolean }
  | { kind: 'reverse'; pick: number }
  | { kind: 'refund'; pick: number; share: number }
  | { kind: 'remit'; client: number; type: RemittanceType }
  | { kind: 'correct'; pick: number; share: number }
  | { kind: 'advance'; client: number; amount: number; out: number };

const share = fc.double({ min: 0, max: 1, noNaN: true });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('pay' as const), client: fc.nat(1), applied: fc.integer({ min: 0, max: 500_000 }), credit: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20_000 })), rateBp: fc.integer({ min: 0, max: 10_000 }), direct: fc.boolean() }).filter((p) => p.applied + p.credit > 0) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), share }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remit' as const), client: fc.nat(1), type: fc.constantFrom<RemittanceType>('net', 'gross', 'combined') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(), share }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), client: fc.nat(1), amount: fc.integer({ min: 1, max: 300_000 }), out: fc.nat(2) }) },
);

/** What the generator knows of a payment, to write what payments' run and deciders would. */
interface Known {
  posted: TrustPaymentPosted;
  commission: number;
  creditLeft: number;
  reversed: boolean;
  remittedShare?: number;
  settled: boolean;
}

/** The message payments publishes for an input (payments.gateway.ts, remittances.gateway.ts), as reporting projects it. */
function messageOf(input: TrustInput, version: number, remittanceMessage?: RemittanceIssuedV1): ProjectedEvent {
  const projected = (type: string, data: object, stream: string): ProjectedEvent => ({ streamId: `${stream}#${type}`, version, type, data: data as Record<string, unknown>, metadata: { sourceStream: stream } });
  switch (input.type) {
    case 'PaymentPosted.v2': {
      const d = input.data;
      return projected(PaymentPosted.type, { ...d, direct: d.direct === true, plan: null, clearsAt: d.clearsAt ?? null }, `ledger-${d.accountId}`);
    }
    case 'PaymentReversed':
      return projected(PaymentReversed.type, input.data, `ledger-${input.data.accountId}`);
    case 'CreditRefunded':
      return projected(CreditRefunded.type, input.data, `ledger-${input.data.accountId}`);
    case 'CommissionCorrected':
      return projected(CommissionCorrected.type, input.data, `ledger-${input.data.accountId}`);
    case 'RemittanceIssued':
      return projected(RemittanceIssuedV1.type, remittanceMessage!, `remittances-${input.data.clientId}`);
    case 'CostAdvanceReceived':
    case 'CostAdvanceSpent':
    case 'CostAdvanceRefunded': {
      const { accountId, clientId, advanceId, amount, currency } = input.data;
      const step = input.type === 'CostAdvanceReceived' ? 'received' : input.type === 'CostAdvanceSpent' ? 'spent' : 'refunded';
      return projected(CostAdvanceStepRecorded.type, { accountId, clientId, advanceId, step, amount, currency, heldAfter: 0, at: AT }, `cost-advances-${advanceId}`);
    }
  }
}

describe("reporting's trust ledger view against payments' trust ledger", () => {
  it("shows each client's balances exactly as payments' reconciliation does, after every step of random histories", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60, size: 'max' }), (steps) => {
        const inputs: TrustInput[] = [];
        const known: Known[] = [];
        const advances: Array<{ id: string; client: string; held: number }> = [];
        const views = new Map<string, TrustLedgerDocument | null>(CLIENTS.map((c) => [c, null]));
        let version = 0;
        const emit = (input: TrustInput, message?: RemittanceIssuedV1) => {
          inputs.push(input);
          const event = messageOf(input, version++, message);
          const client = String(event.data.clientId);
          views.set(client, trustLedgerProjection.evolve(views.get(client) ?? null, event) as TrustLedgerDocument);
        };
        const check = () => {
          for (const client of CLIENTS) {
            const payments = reconcile(trustLedgerOf(inputs.filter((input) => input.data.clientId === client)));
            const expected = payments.map((c) => {
              const of = (amounts: Array<{ clientId: string; amount: number }>) => amounts.find((a) => a.clientId === client)?.amount ?? 0;
              return { currency: c.currency, balances: { trustCash: c.trustCash, clientPayable: of(c.clientPayables), feeIncome: c.feeIncome, creditsOwed: c.creditsOwed, clientReceivable: of(c.clientReceivables), costAdvancesHeld: of(c.costAdvancesHeld) } };
            });
            const document = views.get(client);
            const view = trustLedgerReport(client, document ? trustLedgerEntries(document) : []);
            expect(view.currencies.map(({ currency, balances }) => ({ currency, balances }))).toEqual(expected);
            for (const c of view.currencies) expect(c.totalDebits).toBe(c.totalCredits);
          }
        };
        steps.forEach((s, i) => {
          takeStep(s, i);
          check();
        });
        function takeStep(s: Step, i: number): void {
          const pick = (n: number) => known[n % known.length];
          switch (s.kind) {
            case 'pay': {
              const commission = Math.round((s.applied * s.rateBp) / 10_000);
              const posted = paid(`p${i}`, { clientId: CLIENTS[s.client], applied: s.applied, commission, credit: s.direct ? 0 : s.credit, direct: s.direct });
              known.push({ posted, commission, creditLeft: posted.data.credit, reversed: false, settled: false });
              return emit(posted);
            }
            case 'reverse': {
              const payment = known.length > 0 ? pick(s.pick) : undefined;
              if (!payment || payment.reversed) return;
              payment.reversed = true;
              // The decider writes the reversal with the payment's figures as they stand.
              const reversal = reversed({ ...payment.posted, data: { ...payment.posted.data, commission: payment.commission, credit: payment.creditLeft } });
              return emit(reversal);
            }
            case 'refund': {
              const payment = known.length > 0 ? pick(s.pick) : undefined;
              const amount = payment && !payment.reversed ? Math.floor(payment.creditLeft * s.share) : 0;
              if (!payment || amount === 0) return;
              payment.creditLeft -= amount;
              return emit(refunded(payment.posted, amount, `ref-${i}`));
            }
            case 'correct': {
              const payment = known.length > 0 ? pick(s.pick) : undefined;
              if (!payment || payment.reversed || payment.posted.data.direct) return;
              const applied = payment.posted.data.amount - payment.posted.data.credit;
              const commission = Math.floor(applied * s.share);
              if (commission === payment.commission) return;
              const before = payment.commission;
              payment.commission = commission;
              return emit(corrected(payment.posted, before, commission));
            }
            case 'advance': {
              const client = CLIENTS[s.client];
              if (s.out === 0 || advances.length === 0) {
                advances.push({ id: `adv${i}`, client, held: s.amount });
                return emit(advanceMoved('received', `adv${i}`, client, s.amount));
              }
              const advance = advances[s.amount % advances.length];
              const amount = Math.min(advance.held, s.amount);
              if (amount === 0) return;
              advance.held -= amount;
              return emit(advanceMoved(s.out === 1 ? 'spent' : 'refunded', advance.id, advance.client, amount));
            }
            case 'remit': {
              const client = CLIENTS[s.client];
              const mine = known.filter((p) => p.posted.data.clientId === client);
              // What payments' run selects: standing agency payments cleared and not yet remitted, direct payments not yet settled, claw-backs not yet settled.
              const agency = mine.filter((p) => !p.posted.data.direct && !p.reversed && p.remittedShare === undefined && p.posted.data.amount - p.posted.data.credit > 0);
              const direct = mine.filter((p) => p.posted.data.direct && !p.reversed && !p.settled);
              const clawbacks = mine.filter((p) => !p.posted.data.direct && p.reversed && p.remittedShare !== undefined && !p.settled);
              const applied = (p: Known) => p.posted.data.amount - p.posted.data.credit;
              const sum = (list: Known[], of: (p: Known) => number) => list.reduce((t, p) => t + of(p), 0);
              const sums = {
                agencyClientShare: sum(agency, (p) => applied(p) - p.commission),
                agencyCommission: sum(agency, (p) => p.commission),
                directCommission: sum(direct, (p) => p.commission),
                clawedBack: sum(clawbacks, (p) => p.remittedShare!),
              };
              const money = remittanceMoney(s.type, sums);
              const remittanceId = `r${i}`;
              const issued = remitted(remittanceId, client, agency.map((p) => p.posted.data.paymentId));
              issued.data = {
                ...issued.data,
                remittanceType: s.type,
                directPaymentIds: direct.map((p) => p.posted.data.paymentId),
                clawbacks: clawbacks.map((p) => ({ paymentId: p.posted.data.paymentId, remittanceId: 'earlier' })),
                commissions: [...agency, ...direct].filter((p) => p.commission !== p.posted.data.commission).map((p) => ({ paymentId: p.posted.data.paymentId, commission: p.commission })),
                periodStart: '2026-05-01T00:00:00.000Z',
                periodEnd: AT,
              };
              const message: RemittanceIssuedV1 = {
                remittanceId,
                clientId: client,
                statementNumber: i + 1,
                currency: 'USD',
                remittanceType: s.type,
                periodStart: '2026-05-01T00:00:00.000Z',
                periodEnd: AT,
                issuedAt: AT,
                paymentCount: agency.length,
                directPaymentCount: direct.length,
                clawbackCount: clawbacks.length,
                agencyCollected: sum(agency, applied),
                agencyCommission: sums.agencyCommission,
                directCollected: sum(direct, (p) => p.posted.data.amount),
                directCommission: sums.directCommission,
                clawedBack: sums.clawedBack,
                paidToClient: money.paidToClient,
                invoiced: money.invoiced,
                csvSha256: 'a'.repeat(64),
                pdfSha256: 'b'.repeat(64),
              };
              for (const p of agency) p.remittedShare = applied(p) - p.commission;
              for (const p of [...direct, ...clawbacks]) p.settled = true;
              return emit(issued, message);
            }
          }
        }

      }),
      { numRuns: 150 },
    );
  });
});
