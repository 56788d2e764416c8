import type { CreditRefunded, PaymentPosted, PaymentReversed } from '../ledger/ledger.events';
import type { CommissionCorrected } from '../ledger/commission-corrected';
import { COST_ADVANCE_TRUST_TYPES, costAdvanceLines, CostAdvanceTrustInput } from './cost-advances';
import { RemittanceIssued, remittanceMoney } from './remittance';

/**
 * The accounts of the trust ledger (docs/domain.md, "Money"): the money in the trust
 * account, what of it belongs to each client, the agency's fee, over-payments owed back to
 * payers, what a client owes the trust (commission on direct payments, claw-backs), and
 * each client's money held for the costs of its suits (cost-advances.ts).
 */
export type TrustAccountKind = 'trust-cash' | 'client-payable' | 'fee-income' | 'credits-owed' | 'client-receivable' | 'client-cost-advances';

export interface TrustAccount {
  kind: TrustAccountKind;
  /** Set on `client-payable`, `client-receivable` and `client-cost-advances`: one account per client. */
  clientId?: string;
}

export interface JournalLine {
  account: TrustAccount;
  /** Minor units; exactly one of debit and credit is above zero. */
  debit: number;
  credit: number;
}

export type JournalEntryKind =
  | 'payment-collected'
  | 'direct-payment-reported'
  | 'payment-reversed'
  | 'payment-clawed-back'
  | 'direct-payment-reversed'
  | 'credit-refunded'
  | 'remittance-issued'
  | 'commission-corrected'
  | 'cost-advance-received'
  | 'cost-advance-spent'
  | 'cost-advance-refunded';

export interface JournalEntry {
  kind: JournalEntryKind;
  at: string;
  currency: string;
  clientId: string;
  /** What the entry traces back to. */
  source: { accountId?: string; paymentId?: string; refundId?: string; remittanceId?: string; advanceId?: string };
  lines: JournalLine[];
}

/**
 * A payment as the trust ledger reads it. `direct: true` marks a payment the debtor made to
 * the client and the client reported (expected as PaymentPosted.v2 with `direct: true`,
 * from the direct-payment use case being built alongside): no money enters trust.
 */
export type TrustPaymentPosted = { type: PaymentPosted['type']; data: PaymentPosted['data'] & { direct?: boolean } };

/** Everything the trust ledger is derived from, in the order it happened. */
export type TrustInput = TrustPaymentPosted | PaymentReversed | CreditRefunded | RemittanceIssued | CommissionCorrected | CostAdvanceTrustInput;

/** The streams whose events are trust inputs: ledgers, remittances and cost advances (not the per-client index's copies, which would count twice). */
export const isTrustStream = (streamId: string) => streamId.startsWith('ledger-') || streamId.startsWith('remittances-') || streamId.startsWith('cost-advances-');

export const TRUST_INPUT_TYPES: ReadonlySet<string> = new Set(['PaymentPosted.v2', 'PaymentReversed', 'CreditRefunded', 'RemittanceIssued', 'CommissionCorrected', ...COST_ADVANCE_TRUST_TYPES]);

/**
 * How money went in and out of trust, counted from the inputs themselves and not from the
 * journal, so the two can be checked against each other.
 */
export interface TrustMovements {
  collected: number;
  bounced: number;
  paidToClients: number;
  feesTaken: number;
  refunded: number;
  /** Cost advances received from clients, and paid out of trust again (spent on costs, or refunded). */
  advancesReceived: number;
  advancesPaidOut: number;
}

/** Money collected and not yet remitted (paid to a client, taken as fee, or refunded to a payer), with the cost advances still held. */
export const heldInTrust = (m: TrustMovements) => m.collected - m.bounced - m.paidToClients - m.feesTaken - m.refunded + m.advancesReceived - m.advancesPaidOut;

interface KnownPayment {
  paymentId: string;
  clientId: string;
  accountId: string;
  currency: string;
  amount: number;
  clientShare: number;
  /** As it stands now, corrections included. */
  commission: number;
  /** As posted: what a statement that records no other figure charged. */
  postedCommission: number;
  credit: number;
  direct: boolean;
  reversed: boolean;
  remittanceId?: string;
  /**
   * The share the client was paid for it by that remittance. A commission corrected
   * afterwards changes `clientShare`, not what was paid: a claw-back owes back this.
   */
  remittedShare?: number;
  /** The commission the client's statements settled (on the statement that listed it, then on correction lines). */
  settledCommission?: number;
  /** The statement that settled it: a direct payment's commission, or a claw-back. */
  settledBy?: string;
}

export interface TrustLedgerState {
  payments: Map<string, KnownPayment>;
  entries: JournalEntry[];
  movements: Map<string, TrustMovements>;
}

export const initialTrustLedger = (): TrustLedgerState => ({ payments: new Map(), entries: [], movements: new Map() });

const cash: TrustAccount = { kind: 'trust-cash' };
const fee: TrustAccount = { kind: 'fee-income' };
const credits: TrustAccount = { kind: 'credits-owed' };
const payable = (clientId: string): TrustAccount => ({ kind: 'client-payable', clientId });
const receivable = (clientId: string): TrustAccount => ({ kind: 'client-receivable', clientId });
const dr = (account: TrustAccount, amount: number): JournalLine => ({ account, debit: amount, credit: 0 });
const cr = (account: TrustAccount, amount: number): JournalLine => ({ account, debit: 0, credit: amount });

function entry(kind: JournalEntryKind, at: string, currency: string, clientId: string, source: JournalEntry['source'], lines: JournalLine[]): JournalEntry[] {
  const kept = lines.filter((line) => line.debit !== 0 || line.credit !== 0);
  return kept.length === 0 ? [] : [{ kind, at, currency, clientId, source, lines: kept }];
}

/**
 * The journal entries one input adds, given what came before. Pure: the same inputs in
 * the same order always give the same journal. Every entry's debits equal its credits.
 */
export function journalEntriesFor(state: TrustLedgerState, input: TrustInput): JournalEntry[] {
  switch (input.type) {
    case 'PaymentPosted.v2': {
      const { accountId, clientId, paymentId, amount, currency, commission, credit, postedAt, direct = false } = input.data;
      const source = { accountId, paymentId };
      if (direct) return entry('direct-payment-reported', postedAt, currency, clientId, source, [dr(receivable(clientId), commission), cr(fee, commission)]);
      const clientShare = amount - credit - commission;
      return entry('payment-collected', postedAt, currency, clientId, source, [dr(cash, amount), cr(payable(clientId), clientShare), cr(fee, commission), cr(credits, credit)]);
    }
    case 'PaymentReversed': {
      const { accountId, paymentId, reversedAt } = input.data;
      const payment = state.payments.get(paymentId);
      if (!payment || payment.reversed) return [];
      const { clientId, currency, amount, clientShare, commission, credit } = payment;
      const source = { accountId, paymentId, ...(payment.remittanceId ? { remittanceId: payment.remittanceId } : {}) };
      if (payment.direct) return entry('direct-payment-reversed', reversedAt, currency, clientId, source, [dr(fee, commission), cr(receivable(clientId), commission)]);
      // Once remitted, the client's share is no longer in trust: the client owes it back.
      const shareBack = payment.remittanceId ? receivable(clientId) : payable(clientId);
      return entry(payment.remittanceId ? 'payment-clawed-back' : 'payment-reversed', reversedAt, currency, clientId, source, [
        dr(shareBack, clientShare),
        dr(fee, commission),
        dr(credits, credit),
        cr(cash, amount),
      ]);
    }
    case 'CreditRefunded': {
      const { accountId, clientId, refundId, amount, currency, refundedAt } = input.data;
      return entry('credit-refunded', refundedAt, currency, clientId, { accountId, refundId }, [dr(credits, amount), cr(cash, amount)]);
    }
    case 'RemittanceIssued': {
      const { remittanceId, clientId, issuedAt } = input.data;
      const byCurrency = statementMoney(state, input.data);
      return [...byCurrency].flatMap(([currency, money]) =>
        entry('remittance-issued', issuedAt, currency, clientId, { remittanceId }, [
          dr(payable(clientId), money.payableNow),
          dr(fee, money.commissionDeducted),
          // Gross pays the commission out with the share: the client now owes it (invoiced).
          dr(receivable(clientId), money.agencyCommission - money.commissionDeducted),
          // Charged less on the statement than it stands at now (a correction the run did not see): the client was paid the difference.
          dr(receivable(clientId), money.payableNow > money.agencyClientShare ? 0 : money.agencyClientShare - money.payableNow),
          cr(receivable(clientId), money.payableNow > money.agencyClientShare ? money.payableNow - money.agencyClientShare : 0),
          cr(cash, money.paidToClient + money.commissionDeducted),
          cr(receivable(clientId), money.netted),
        ]),
      );
    }
    case 'CommissionCorrected': {
      const { accountId, paymentId, clientId, currency, correctedAt } = input.data;
      const payment = state.payments.get(paymentId);
      if (!payment || payment.reversed) return [];
      // The difference moves between the agency's fee and the client: its payable while the
      // money is in trust, its receivable once remitted (it was paid the old share) or for a
      // direct payment (commission invoiced). No money moves; a lower commission runs back.
      const from = payment.direct || payment.remittanceId ? receivable(clientId) : payable(clientId);
      const { difference } = input.data;
      const lines = difference >= 0 ? [dr(from, difference), cr(fee, difference)] : [dr(fee, -difference), cr(from, -difference)];
      return entry('commission-corrected', correctedAt, currency, clientId, { accountId, paymentId }, lines);
    }
    case 'CostAdvanceReceived':
    case 'CostAdvanceSpent':
    case 'CostAdvanceRefunded': {
      const { kind, at, lines } = costAdvanceLines(input);
      return entry(kind, at, input.data.currency, input.data.clientId, { accountId: input.data.accountId, advanceId: input.data.advanceId }, lines);
    }
  }
}

interface StatementItems {
  agency: KnownPayment[];
  direct: KnownPayment[];
  clawedBack: KnownPayment[];
  /** Correction lines that settle a difference the ledger knows of (the payment's, on a statement, standing, from the commission settled). */
  corrections: Array<{ payment: KnownPayment; commission: number }>;
}

/** What a statement really settles, per currency: each payment, direct commission, claw-back and correction of the client once. */
function statementItems(state: TrustLedgerState, data: RemittanceIssued['data']): Map<string, StatementItems> {
  const { clientId } = data;
  const known = (ids: readonly string[]) => [...new Set(ids)].map((id) => state.payments.get(id)).filter((p): p is KnownPayment => !!p && p.clientId === clientId && !p.settledBy);
  const items = new Map<string, StatementItems>();
  const group = (currency: string) => {
    const found = items.get(currency) ?? { agency: [], direct: [], clawedBack: [], corrections: [] };
    items.set(currency, found);
    return found;
  };
  const add = (kind: 'agency' | 'direct' | 'clawedBack', payments: KnownPayment[]) => {
    for (const payment of payments) group(payment.currency)[kind].push(payment);
  };
  add('agency', remittable(state, clientId, data.paymentIds));
  add('direct', known(data.directPaymentIds ?? []).filter((p) => p.direct && !p.reversed));
  add('clawedBack', known((data.clawbacks ?? []).map((c) => c.paymentId)).filter((p) => !p.direct && p.reversed && !!p.remittanceId));
  const corrected = new Set<string>();
  for (const line of data.commissionCorrections ?? []) {
    const payment = state.payments.get(line.paymentId);
    // A reversed payment's commission is corrected only by the line that takes a reversed direct payment's settled commission back.
    const takenBack = payment?.direct === true && payment.reversed && line.reversed === true && line.commission === 0;
    if (!payment || payment.clientId !== clientId || (payment.reversed && !takenBack) || corrected.has(line.paymentId)) continue;
    if (!(payment.direct ? payment.settledBy : payment.remittanceId) || line.commissionBefore !== payment.settledCommission) continue;
    corrected.add(line.paymentId);
    group(payment.currency).corrections.push({ payment, commission: line.commission });
  }
  return items;
}

/** The commission a statement charged each payment it lists: recorded on it where a correction made that other than the posted one. */
const chargedOn = (data: RemittanceIssued['data']) => {
  const charged = new Map((data.commissions ?? []).map(({ paymentId, commission }) => [paymentId, commission]));
  return (p: KnownPayment) => charged.get(p.paymentId) ?? p.postedCommission;
};

function statementMoney(state: TrustLedgerState, data: RemittanceIssued['data']) {
  const sum = <T>(list: readonly T[], of: (item: T) => number) => list.reduce((total, item) => total + of(item), 0);
  const charged = chargedOn(data);
  const money = new Map<string, ReturnType<typeof remittanceMoney> & { agencyClientShare: number; agencyCommission: number; payableNow: number }>();
  for (const [currency, items] of statementItems(state, data)) {
    const correction = (direct: boolean) => sum(items.corrections, (c) => (c.payment.direct === direct ? c.commission - c.payment.settledCommission! : 0));
    const sums = {
      agencyClientShare: sum(items.agency, (p) => p.amount - p.credit - charged(p)),
      agencyCommission: sum(items.agency, charged),
      directCommission: sum(items.direct, charged),
      clawedBack: sum(items.clawedBack, (p) => p.remittedShare ?? p.clientShare),
      agencyCommissionCorrected: correction(false),
      directCommissionCorrected: correction(true),
    };
    money.set(currency, { ...sums, ...remittanceMoney(data.remittanceType ?? 'net', sums), payableNow: sum(items.agency, (p) => p.clientShare) });
  }
  return money;
}

/** The payments a statement really pays out: the client's own agency payments, standing, each remitted once. */
function remittable(state: TrustLedgerState, clientId: string, paymentIds: readonly string[]): KnownPayment[] {
  const unique = [...new Set(paymentIds)];
  return unique.map((id) => state.payments.get(id)).filter((p): p is KnownPayment => !!p && p.clientId === clientId && !p.direct && !p.reversed && !p.remittanceId);
}

/**
 * Adds one input to `state` in place: its entries, the payments the ledger knows, and the
 * movements of money counted from the input. In place because a reconciliation folds
 * every payment ever taken; `trustLedgerOf` is the pure entry point.
 */
export function addTrustInput(state: TrustLedgerState, input: TrustInput): void {
  state.entries.push(...journalEntriesFor(state, input));
  const move = (currency: string, change: Partial<TrustMovements>) => {
    const was = state.movements.get(currency) ?? { collected: 0, bounced: 0, paidToClients: 0, feesTaken: 0, refunded: 0, advancesReceived: 0, advancesPaidOut: 0 };
    state.movements.set(currency, {
      collected: was.collected + (change.collected ?? 0),
      bounced: was.bounced + (change.bounced ?? 0),
      paidToClients: was.paidToClients + (change.paidToClients ?? 0),
      feesTaken: was.feesTaken + (change.feesTaken ?? 0),
      refunded: was.refunded + (change.refunded ?? 0),
      advancesReceived: was.advancesReceived + (change.advancesReceived ?? 0),
      advancesPaidOut: was.advancesPaidOut + (change.advancesPaidOut ?? 0),
    });
  };
  switch (input.type) {
    case 'PaymentPosted.v2': {
      const { accountId, clientId, paymentId, amount, currency, commission, credit, direct = false } = input.data;
      if (state.payments.has(paymentId)) return;
      state.payments.set(paymentId, { paymentId, clientId, accountId, currency, amount, clientShare: amount - credit - commission, commission, postedCommission: commission, credit, direct, reversed: false });
      if (!direct) move(currency, { collected: amount });
      return;
    }
    case 'PaymentReversed': {
      const payment = state.payments.get(input.data.paymentId);
      if (!payment || payment.reversed) return;
      payment.reversed = true;
      if (!payment.direct) move(payment.currency, { bounced: payment.amount });
      return;
    }
    case 'CreditRefunded':
      move(input.data.currency, { refunded: input.data.amount });
      return;
    case 'RemittanceIssued': {
      const { remittanceId } = input.data;
      for (const [currency, money] of statementMoney(state, input.data)) move(currency, { paidToClients: money.paidToClient, feesTaken: money.commissionDeducted });
      const charged = chargedOn(input.data);
      for (const items of statementItems(state, input.data).values()) {
        for (const { payment, commission } of items.corrections) {
          // The client settles the difference now: a claw-back later owes back the share as it then stands.
          if (!payment.direct) payment.remittedShare! -= commission - payment.settledCommission!;
          payment.settledCommission = commission;
        }
        for (const payment of items.agency) {
          payment.remittanceId = remittanceId;
          payment.settledCommission = charged(payment);
          payment.remittedShare = payment.amount - payment.credit - payment.settledCommission;
        }
        for (const payment of items.direct) {
          payment.settledBy = remittanceId;
          payment.settledCommission = charged(payment);
        }
        for (const payment of items.clawedBack) payment.settledBy = remittanceId;
      }
      return;
    }
    case 'CommissionCorrected': {
      // Later entries (a remittance, a reversal) take the payment's figures as corrected.
      const payment = state.payments.get(input.data.paymentId);
      if (!payment || payment.reversed) return;
      payment.commission += input.data.difference;
      payment.clientShare -= input.data.difference;
      return;
    }
    case 'CostAdvanceReceived':
      move(input.data.currency, { advancesReceived: input.data.amount });
      return;
    case 'CostAdvanceSpent':
    case 'CostAdvanceRefunded':
      move(input.data.currency, { advancesPaidOut: input.data.amount });
      return;
  }
}

/** The trust ledger of a sequence of inputs: its journal and the movements of money. */
export function trustLedgerOf(inputs: Iterable<TrustInput>): TrustLedgerState {
  const state = initialTrustLedger();
  for (const input of inputs) addTrustInput(state, input);
  return state;
}
