import type { PaymentPosted, PaymentReversed } from '../ledger/ledger.events';
import type { TrustInput } from '../trust-ledger/trust-ledger';
import { RemittanceIssued, remittanceMoney, RemittanceTotals, RemittanceType } from '../trust-ledger/remittance';

/** A payment of the client as its ledger recorded it, with its reversal if it bounced. */
export interface PaymentFacts {
  posted: PaymentPosted['data'];
  reversal?: PaymentReversed['data'];
}

/** The client's payments by id, from its trust inputs (payments and reversals of its ledgers). */
export function paymentFactsOf(inputs: Iterable<TrustInput>): Map<string, PaymentFacts> {
  const facts = new Map<string, PaymentFacts>();
  for (const input of inputs) {
    if (input.type === 'PaymentPosted.v2' && !facts.has(input.data.paymentId)) facts.set(input.data.paymentId, { posted: input.data });
    if (input.type === 'PaymentReversed') {
      const known = facts.get(input.data.paymentId);
      if (known && !known.reversal) known.reversal = input.data;
    }
  }
  return facts;
}

export interface AgencyLine {
  paymentId: string;
  accountId: string;
  method: string;
  postedAt: string;
  clearsAt: string;
  /** Applied to the balance (over-payment credit is the payer's, not the client's). */
  collected: number;
  commission: number;
  clientShare: number;
}

export interface DirectLine {
  paymentId: string;
  accountId: string;
  postedAt: string;
  collected: number;
  commission: number;
}

export interface ClawbackLine {
  paymentId: string;
  accountId: string;
  /** The remittance that paid the payment out. */
  remittanceId: string;
  reversedAt: string;
  reason: string;
  collected: number;
  commission: number;
  /** What the client was paid for it and now owes back. */
  clientShare: number;
}

/** A remittance statement: everything it shows, derived from its issuing event and the payments' own events. */
export interface RemittanceStatement {
  remittanceId: string;
  statementNumber: number;
  clientId: string;
  currency: string;
  remittanceType: RemittanceType;
  agreementVersion: number | null;
  periodStart: string;
  periodEnd: string;
  issuedAt: string;
  payments: AgencyLine[];
  directPayments: DirectLine[];
  clawbacks: ClawbackLine[];
  totals: RemittanceTotals;
}

const applied = (p: PaymentPosted['data']) => p.amount - p.credit;
/** Payments posted before holds were kept carry no `clearsAt`: they count as cleared when posted. */
export const clearsAtOf = (p: PaymentPosted['data']) => p.clearsAt ?? p.postedAt;
const byPostedThenId = (a: { postedAt: string; paymentId: string }, b: { postedAt: string; paymentId: string }) =>
  a.postedAt < b.postedAt ? -1 : a.postedAt > b.postedAt ? 1 : a.paymentId < b.paymentId ? -1 : a.paymentId > b.paymentId ? 1 : 0;

function factsOf(facts: ReadonlyMap<string, PaymentFacts>, paymentId: string): PaymentFacts {
  const known = facts.get(paymentId);
  if (!known) throw new Error(`statement lists payment ${paymentId}, which the client's ledgers do not hold`);
  return known;
}

/** The sums a statement's money is computed from, and its totals under its remittance type. */
export function totalsOf(type: RemittanceType, payments: readonly AgencyLine[], directPayments: readonly DirectLine[], clawbacks: readonly ClawbackLine[]): RemittanceTotals {
  const sum = <T>(lines: readonly T[], of: (line: T) => number) => lines.reduce((total, line) => total + of(line), 0);
  const sums = {
    agencyClientShare: sum(payments, (l) => l.clientShare),
    agencyCommission: sum(payments, (l) => l.commission),
    directCommission: sum(directPayments, (l) => l.commission),
    clawedBack: sum(clawbacks, (l) => l.clientShare),
  };
  const money = remittanceMoney(type, sums);
  return {
    agencyCollected: sum(payments, (l) => l.collected),
    agencyCommission: sums.agencyCommission,
    agencyClientShare: sums.agencyClientShare,
    directCollected: sum(directPayments, (l) => l.collected),
    directCommission: sums.directCommission,
    clawedBack: sums.clawedBack,
    commissionDeducted: money.commissionDeducted,
    netted: money.netted,
    paidToClient: money.paidToClient,
    invoiced: money.invoiced,
  };
}

/**
 * The statement an issued remittance shows. Everything comes from the issuing event (what
 * it lists, its period and type) and the payments' posting and reversal events, which
 * never change: so the same history always gives the same statement, whenever it is read.
 */
export function statementOf(issued: RemittanceIssued['data'], facts: ReadonlyMap<string, PaymentFacts>): RemittanceStatement {
  const type = issued.remittanceType ?? 'net';
  const payments = issued.paymentIds
    .map((id) => factsOf(facts, id).posted)
    .map((p): AgencyLine => ({ paymentId: p.paymentId, accountId: p.accountId, method: p.method, postedAt: p.postedAt, clearsAt: clearsAtOf(p), collected: applied(p), commission: p.commission, clientShare: applied(p) - p.commission }))
    .sort(byPostedThenId);
  const directPayments = (issued.directPaymentIds ?? [])
    .map((id) => factsOf(facts, id).posted)
    .map((p): DirectLine => ({ paymentId: p.paymentId, accountId: p.accountId, postedAt: p.postedAt, collected: applied(p), commission: p.commission }))
    .sort(byPostedThenId);
  const clawbacks = (issued.clawbacks ?? [])
    .map(({ paymentId, remittanceId }) => {
      const { posted, reversal } = factsOf(facts, paymentId);
      if (!reversal) throw new Error(`statement claws back payment ${paymentId}, which was never reversed`);
      return { paymentId, accountId: posted.accountId, remittanceId, reversedAt: reversal.reversedAt, reason: reversal.reason, collected: applied(posted), commission: posted.commission, clientShare: applied(posted) - posted.commission };
    })
    .sort((a, b) => byPostedThenId({ postedAt: a.reversedAt, paymentId: a.paymentId }, { postedAt: b.reversedAt, paymentId: b.paymentId }));
  return {
    remittanceId: issued.remittanceId,
    statementNumber: issued.statementNumber ?? 0,
    clientId: issued.clientId,
    currency: issued.currency,
    remittanceType: type,
    agreementVersion: issued.agreementVersion ?? null,
    periodStart: issued.periodStart ?? '',
    periodEnd: issued.periodEnd ?? issued.issuedAt,
    issuedAt: issued.issuedAt,
    payments,
    directPayments,
    clawbacks,
    totals: totalsOf(type, payments, directPayments, clawbacks),
  };
}

/** What a client's earlier statements already settled. */
export interface AlreadyOnAStatement {
  /** Agency payment id -> the remittance that paid it out. */
  remitted: ReadonlyMap<string, string>;
  /** Direct payments and claw-backs a statement already listed. */
  settled: ReadonlySet<string>;
}

/** What one currency's statement of a run lists. */
export interface StatementSelection {
  currency: string;
  paymentIds: string[];
  directPaymentIds: string[];
  clawbacks: Array<{ paymentId: string; remittanceId: string }>;
}

/**
 * What a run for the period ending `periodEnd` puts on the client's statements, one per
 * currency, in currency order (docs/payments.md, "Remittance runs"):
 * - agency payments standing now, cleared by the period's end (`clearsAt <= periodEnd`),
 *   not yet remitted: funds still in their hold wait for the next run;
 * - direct payments standing now, posted by the period's end, whose commission no
 *   statement settled yet;
 * - reversals after remittance recorded by the period's end, not yet clawed back.
 * A payment that applied nothing (an over-payment only) has nothing of the client's to remit.
 */
export function selectStatementItems(facts: ReadonlyMap<string, PaymentFacts>, earlier: AlreadyOnAStatement, periodEnd: string): StatementSelection[] {
  const end = Date.parse(periodEnd);
  const selections = new Map<string, StatementSelection>();
  const of = (currency: string) => {
    const selection = selections.get(currency) ?? { currency, paymentIds: [], directPaymentIds: [], clawbacks: [] };
    selections.set(currency, selection);
    return selection;
  };
  for (const [paymentId, { posted, reversal }] of facts) {
    if (reversal) {
      const paidOutBy = earlier.remitted.get(paymentId) ?? reversal.remittanceId;
      if (!posted.direct && paidOutBy && !earlier.settled.has(paymentId) && Date.parse(reversal.reversedAt) <= end) of(posted.currency).clawbacks.push({ paymentId, remittanceId: paidOutBy });
      continue;
    }
    if (posted.direct) {
      if (!earlier.settled.has(paymentId) && Date.parse(posted.postedAt) <= end) of(posted.currency).directPaymentIds.push(paymentId);
      continue;
    }
    if (!earlier.remitted.has(paymentId) && applied(posted) > 0 && Date.parse(clearsAtOf(posted)) <= end) of(posted.currency).paymentIds.push(paymentId);
  }
  return [...selections.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
