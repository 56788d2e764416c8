import type { PaymentPosted, PaymentReversed } from '../ledger/ledger.events';
import type { TrustInput } from '../trust-ledger/trust-ledger';
import { CommissionCorrectionLine, RemittanceIssued, remittanceMoney, RemittanceTotals, RemittanceType } from '../trust-ledger/remittance';

/** A payment of the client as its ledger recorded it, with its reversal if it bounced and the commission as corrections since left it. */
export interface PaymentFacts {
  posted: PaymentPosted['data'];
  reversal?: PaymentReversed['data'];
  /** The commission now: the posted one, with every `CommissionCorrected` of the payment before its reversal. */
  commission: number;
}

/** The client's payments by id, from its trust inputs (payments, reversals and commission corrections of its ledgers). */
export function paymentFactsOf(inputs: Iterable<TrustInput>): Map<string, PaymentFacts> {
  const facts = new Map<string, PaymentFacts>();
  for (const input of inputs) {
    if (input.type === 'PaymentPosted.v2' && !facts.has(input.data.paymentId)) facts.set(input.data.paymentId, { posted: input.data, commission: input.data.commission });
    if (input.type === 'PaymentReversed') {
      const known = facts.get(input.data.paymentId);
      if (known && !known.reversal) known.reversal = input.data;
    }
    if (input.type === 'CommissionCorrected') {
      const known = facts.get(input.data.paymentId);
      if (known && !known.reversal) known.commission += input.data.difference;
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

/** A commission corrected after a statement settled its payment, with the account it belongs to. */
export interface CorrectionLine extends CommissionCorrectionLine {
  accountId: string;
  difference: number;
  /** When the payment was reversed, for a line that takes a reversed direct payment's commission back. */
  reversedAt?: string;
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
  commissionCorrections: CorrectionLine[];
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
export function totalsOf(type: RemittanceType, payments: readonly AgencyLine[], directPayments: readonly DirectLine[], clawbacks: readonly ClawbackLine[], corrections: readonly CorrectionLine[] = []): RemittanceTotals {
  const sum = <T>(lines: readonly T[], of: (line: T) => number) => lines.reduce((total, line) => total + of(line), 0);
  const corrected = corrections.length === 0 ? {} : {
    agencyCommissionCorrected: sum(corrections, (l) => (l.direct ? 0 : l.difference)),
    directCommissionCorrected: sum(corrections, (l) => (l.direct ? l.difference : 0)),
  };
  const sums = {
    agencyClientShare: sum(payments, (l) => l.clientShare),
    agencyCommission: sum(payments, (l) => l.commission),
    directCommission: sum(directPayments, (l) => l.commission),
    clawedBack: sum(clawbacks, (l) => l.clientShare),
    ...corrected,
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
    ...corrected,
  };
}

/**
 * The statement an issued remittance shows. Everything comes from the issuing event (what
 * it lists, its period and type) and the payments' posting and reversal events, which
 * never change: so the same history always gives the same statement, whenever it is read.
 */
export function statementOf(issued: RemittanceIssued['data'], facts: ReadonlyMap<string, PaymentFacts>): RemittanceStatement {
  const type = issued.remittanceType ?? 'net';
  // The commission each line was charged at when issued: recorded where a correction changed it, so later corrections change nothing here.
  const charged = new Map((issued.commissions ?? []).map(({ paymentId, commission }) => [paymentId, commission]));
  const commissionOf = (p: PaymentPosted['data']) => charged.get(p.paymentId) ?? p.commission;
  const payments = issued.paymentIds
    .map((id) => factsOf(facts, id).posted)
    .map((p): AgencyLine => ({ paymentId: p.paymentId, accountId: p.accountId, method: p.method, postedAt: p.postedAt, clearsAt: clearsAtOf(p), collected: applied(p), commission: commissionOf(p), clientShare: applied(p) - commissionOf(p) }))
    .sort(byPostedThenId);
  const directPayments = (issued.directPaymentIds ?? [])
    .map((id) => factsOf(facts, id).posted)
    .map((p): DirectLine => ({ paymentId: p.paymentId, accountId: p.accountId, postedAt: p.postedAt, collected: applied(p), commission: commissionOf(p) }))
    .sort(byPostedThenId);
  const clawbacks = (issued.clawbacks ?? [])
    .map(({ paymentId, remittanceId, commission: settled }) => {
      const { posted, reversal } = factsOf(facts, paymentId);
      if (!reversal) throw new Error(`statement claws back payment ${paymentId}, which was never reversed`);
      const commission = settled ?? posted.commission;
      return { paymentId, accountId: posted.accountId, remittanceId, reversedAt: reversal.reversedAt, reason: reversal.reason, collected: applied(posted), commission, clientShare: applied(posted) - commission };
    })
    .sort((a, b) => byPostedThenId({ postedAt: a.reversedAt, paymentId: a.paymentId }, { postedAt: b.reversedAt, paymentId: b.paymentId }));
  const commissionCorrections = (issued.commissionCorrections ?? [])
    .map((line): CorrectionLine => {
      const { posted, reversal } = factsOf(facts, line.paymentId);
      if (line.reversed && !reversal) throw new Error(`statement takes back the commission of payment ${line.paymentId}, which was never reversed`);
      return { ...line, accountId: posted.accountId, difference: line.commission - line.commissionBefore, ...(line.reversed && reversal ? { reversedAt: reversal.reversedAt } : {}) };
    })
    .sort((a, b) => (a.paymentId < b.paymentId ? -1 : a.paymentId > b.paymentId ? 1 : 0));
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
    commissionCorrections,
    totals: totalsOf(type, payments, directPayments, clawbacks, commissionCorrections),
  };
}

/** What a client's earlier statements already settled. */
export interface AlreadyOnAStatement {
  /** Agency payment id -> the remittance that paid it out. */
  remitted: ReadonlyMap<string, string>;
  /** Direct payments and claw-backs a statement already listed. */
  settled: ReadonlySet<string>;
  /** Direct payment id -> the remittance that settled its commission. */
  directSettledBy?: ReadonlyMap<string, string>;
  /** The commission statements settled, for each payment where that is not the posted one. */
  settledCommission?: ReadonlyMap<string, number>;
}

/** What one currency's statement of a run lists. */
export interface StatementSelection {
  currency: string;
  paymentIds: string[];
  directPaymentIds: string[];
  clawbacks: Array<{ paymentId: string; remittanceId: string; commission?: number }>;
  commissions: Array<{ paymentId: string; commission: number }>;
  commissionCorrections: CommissionCorrectionLine[];
}

/**
 * What a run for the period ending `periodEnd` puts on the client's statements, one per
 * currency, in currency order (docs/payments.md, "Remittance runs"):
 * - agency payments standing now, cleared by the period's end (`clearsAt <= periodEnd`),
 *   not yet remitted: funds still in their hold wait for the next run;
 * - direct payments standing now, posted by the period's end, whose commission no
 *   statement settled yet;
 * - reversals after remittance recorded by the period's end, not yet clawed back;
 * - commissions corrected after an earlier statement settled their payment (standing
 *   now), from the commission that statement settled to the one now.
 * Every line is charged the commission as it stands at the run (corrections included), and
 * the statement records it where that is not the posted one. A payment that applied nothing (an over-payment only) has nothing of the client's to remit.
 */
export function selectStatementItems(facts: ReadonlyMap<string, PaymentFacts>, earlier: AlreadyOnAStatement, periodEnd: string): StatementSelection[] {
  const end = Date.parse(periodEnd);
  const selections = new Map<string, StatementSelection>();
  const of = (currency: string) => {
    const selection = selections.get(currency) ?? { currency, paymentIds: [], directPaymentIds: [], clawbacks: [], commissions: [], commissionCorrections: [] };
    selections.set(currency, selection);
    return selection;
  };
  const settledCommissionOf = (paymentId: string, posted: PaymentPosted['data']) => earlier.settledCommission?.get(paymentId) ?? posted.commission;
  // Listed at the commission it stands at now; recorded on the statement where a correction made that other than the posted one.
  const charge = (selection: StatementSelection, paymentId: string, fact: PaymentFacts) => {
    if (fact.commission !== fact.posted.commission) selection.commissions.push({ paymentId, commission: fact.commission });
  };
  for (const [paymentId, fact] of facts) {
    const { posted, reversal } = fact;
    if (reversal) {
      // A direct payment reversed after a statement settled its commission: the next one takes that commission back.
      const directSettledBy = posted.direct ? earlier.directSettledBy?.get(paymentId) : undefined;
      if (directSettledBy && Date.parse(reversal.reversedAt) <= end) {
        const commissionBefore = settledCommissionOf(paymentId, posted);
        if (commissionBefore !== 0) of(posted.currency).commissionCorrections.push({ paymentId, remittanceId: directSettledBy, direct: true, commissionBefore, commission: 0, reversed: true });
      }
      const paidOutBy = earlier.remitted.get(paymentId) ?? reversal.remittanceId;
      if (!posted.direct && paidOutBy && !earlier.settled.has(paymentId) && Date.parse(reversal.reversedAt) <= end) {
        const settled = settledCommissionOf(paymentId, posted);
        of(posted.currency).clawbacks.push({ paymentId, remittanceId: paidOutBy, ...(settled !== posted.commission ? { commission: settled } : {}) });
      }
      continue;
    }
    // On a statement already: a commission corrected since is settled on this one.
    const settledBy = posted.direct ? earlier.directSettledBy?.get(paymentId) : earlier.remitted.get(paymentId);
    if (settledBy) {
      const commissionBefore = settledCommissionOf(paymentId, posted);
      if (fact.commission !== commissionBefore) of(posted.currency).commissionCorrections.push({ paymentId, remittanceId: settledBy, direct: posted.direct === true, commissionBefore, commission: fact.commission });
      continue;
    }
    if (posted.direct) {
      if (!earlier.settled.has(paymentId) && Date.parse(posted.postedAt) <= end) {
        of(posted.currency).directPaymentIds.push(paymentId);
        charge(of(posted.currency), paymentId, fact);
      }
      continue;
    }
    if (!earlier.remitted.has(paymentId) && applied(posted) > 0 && Date.parse(clearsAtOf(posted)) <= end) {
      of(posted.currency).paymentIds.push(paymentId);
      charge(of(posted.currency), paymentId, fact);
    }
  }
  return [...selections.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
