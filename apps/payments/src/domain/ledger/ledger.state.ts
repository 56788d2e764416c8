import type { LedgerPreCollection } from './pre-collection-fee';
import type { AccountTerms, PlanStamp } from '../commission-plan/commission';
import type { Allocation, LedgerEvent, LedgerInvoice, PaymentMethod, ReversalReason } from './ledger.events';

export interface OpenInvoice extends LedgerInvoice {
  /** What is still owed on it, minor units. */
  open: number;
}

export interface PostedPayment {
  paymentId: string;
  amount: number;
  method: PaymentMethod;
  allocations: Allocation[];
  commission: number;
  rateBp: number;
  credit: number;
  feeCase: LedgerEventFeeCase;
  /** The plan the commission came from; null when the placement rate was charged. */
  plan: PlanStamp | null;
  postedAt: string;
  /** Paid to the client directly; its commission is owed by the client. */
  direct: boolean;
  /** When the funds clear; undefined for payments posted before holds were kept (cleared). */
  clearsAt?: string;
  reversal?: { reason: ReversalReason; reversedAt: string };
  /** Posted inside the pre-collection window: no commission. */
  preCollection?: true;
  /** What the account's standing payments had collected, and their commission, when this one was posted: a late legal rate recharges it from them. */
  collectedBefore?: number;
  commissionBefore?: number;
}

export type LedgerState =
  | {
      status: 'none';
      /** A forwarding heard before the placement (topics are not ordered with each other). */
      legalRateBp?: number;
    }
  | {
      status: 'open';
      accountId: string;
      clientId: string;
      currency: string;
      invoices: OpenInvoice[];
      /** The rate that applies to the next payment no plan covers. */
      rateBp: number;
      /** What a plan's tiers look at; undefined for a ledger opened before plans existed. */
      terms: AccountTerms | undefined;
      legalRateApplied: boolean;
      /** The placement's rate (LedgerOpened's), which the legal rate's end restores for payments no plan covers. */
      placementRateBp: number;
      /** When the legal rate last ended (the attorney's file closed, as the agreement says); undefined while it never did. */
      legalRateEndedAt?: string;
      payments: PostedPayment[];
      commissionTotal: number;
      /** The part of `commissionTotal` the client owes (direct payments), not deducted from collections. */
      commissionOwedByClient: number;
      /** Cancellation fees the client owes for recalls after work began. */
      cancellationFeeOwed: number;
      creditOwed: number;
      /**
       * Paid in full was announced and no reversal has reopened the balance since: a
       * payoff is announced once, and again only after a bounced payment reopened the
       * account (see docs/payments.md).
       */
      paidInFullAnnounced: boolean;
      /** Ids of the balance adjustments recorded; absent before the first. */
      adjustmentIds?: string[];
      /** A settlement's rest was written off: the account is settled, and paying it off again (after a bounce) is not paid in full. */
      settlementWrittenOff?: boolean;
      /** Set on a pre-collection placement; `preCollectionFeeOwed` is its flat fee once recorded. */
      preCollection?: LedgerPreCollection;
      preCollectionFeeOwed?: number;
    };

export type OpenLedgerState = Extract<LedgerState, { status: 'open' }>;

export const initialLedgerState = (): LedgerState => ({ status: 'none' });

type LedgerEventFeeCase = NonNullable<Extract<LedgerEvent, { type: 'PaymentPosted.v2' }>['data']['feeCase']> | null;

const DAY_MS = 86_400_000;

/** Age at placement: whole days from the oldest invoice's due date to the placement, as intake computes it. */
export function ageDaysAt(placedAt: string, invoices: ReadonlyArray<{ dueDate: string }>): number {
  const oldestDue = Math.min(...invoices.map((invoice) => Date.parse(invoice.dueDate)));
  return Math.max(0, Math.floor((Date.parse(placedAt) - oldestDue) / DAY_MS));
}

/** What the account's payments that stand (not reversed) took off the balance, minor units. */
export function collectedToDate(state: OpenLedgerState): number {
  return state.payments.filter((p) => !p.reversal).reduce((sum, p) => sum + p.amount - p.credit, 0);
}

export function balanceOf(state: OpenLedgerState): number {
  return state.invoices.reduce((sum, invoice) => sum + invoice.open, 0);
}

export function evolveLedger(state: LedgerState, event: LedgerEvent): LedgerState {
  switch (event.type) {
    case 'LedgerOpened': {
      const { accountId, clientId, currency, invoices, commissionRateBp, placedAt, placedAmount, category, preCollection } = event.data;
      const legalRateBp = state.status === 'none' ? state.legalRateBp : undefined;
      return {
        status: 'open',
        accountId,
        clientId,
        currency,
        invoices: invoices.map((invoice) => ({ ...invoice, open: invoice.amount })),
        rateBp: legalRateBp ?? commissionRateBp,
        terms: placedAt !== undefined && placedAmount !== undefined ? { category: category ?? 'standard', placedAmount, ageDaysAtPlacement: ageDaysAt(placedAt, invoices) } : undefined,
        legalRateApplied: legalRateBp !== undefined,
        placementRateBp: commissionRateBp,
        payments: [],
        commissionTotal: 0,
        commissionOwedByClient: 0,
        cancellationFeeOwed: 0,
        creditOwed: 0,
        paidInFullAnnounced: false,
        ...(preCollection ? { preCollection } : {}),
      };
    }
    case 'PreCollectionFeeOwed':
      return state.status === 'none' ? state : { ...state, preCollectionFeeOwed: (state.preCollectionFeeOwed ?? 0) + event.data.amount };
    case 'LegalRateApplied':
      if (state.status === 'none') return { status: 'none', legalRateBp: event.data.rateBp };
      return { ...state, rateBp: event.data.rateBp, legalRateApplied: true };
    case 'LegalRateEnded':
      return state.status === 'none' ? state : { ...state, rateBp: event.data.rateBp, legalRateApplied: false, legalRateEndedAt: event.data.endedAt };
    case 'PaymentPosted.v2': {
      if (state.status === 'none') return state;
      const { paymentId, amount, method, allocations, commission, commissionRateBp: rateBp, credit, postedAt, feeCase = null, plan = null, direct = false, clearsAt, preCollection } = event.data;
      return {
        ...state,
        invoices: moveOpenAmounts(state.invoices, allocations, -1),
        payments: [
          ...state.payments,
          { paymentId, amount, method, allocations, commission, rateBp, credit, feeCase, plan, postedAt, direct, ...(clearsAt ? { clearsAt } : {}), ...(preCollection ? { preCollection } : {}), collectedBefore: collectedToDate(state), commissionBefore: state.commissionTotal },
        ],
        commissionTotal: state.commissionTotal + commission,
        commissionOwedByClient: state.commissionOwedByClient + (direct ? commission : 0),
        creditOwed: state.creditOwed + credit,
      };
    }
    case 'CancellationFeeOwed':
      return state.status === 'none' ? state : { ...state, cancellationFeeOwed: state.cancellationFeeOwed + event.data.amount };
    case 'AccountPaidInFull':
      return state.status === 'none' ? state : { ...state, paidInFullAnnounced: true };
    case 'PaymentReversed': {
      if (state.status === 'none') return state;
      const { paymentId, allocations, commission, credit, reason, reversedAt } = event.data;
      const invoices = moveOpenAmounts(state.invoices, allocations, +1);
      const reopened = invoices.some((invoice) => invoice.open > 0);
      return {
        ...state,
        invoices,
        paidInFullAnnounced: state.paidInFullAnnounced && !reopened,
        payments: state.payments.map((payment) => (payment.paymentId === paymentId ? { ...payment, reversal: { reason, reversedAt } } : payment)),
        commissionTotal: state.commissionTotal - commission,
        commissionOwedByClient: state.commissionOwedByClient - (state.payments.some((p) => p.paymentId === paymentId && p.direct) ? commission : 0),
        creditOwed: state.creditOwed - credit,
      };
    }
    case 'CreditRefunded':
      return state.status === 'none' ? state : { ...state, creditOwed: state.creditOwed - event.data.amount };
    case 'CommissionCorrected': {
      if (state.status === 'none') return state;
      const { paymentId, commission, commissionRateBp, plan, difference, direct } = event.data;
      return {
        ...state,
        payments: state.payments.map((payment) => (payment.paymentId === paymentId ? { ...payment, commission, rateBp: commissionRateBp, plan } : payment)),
        commissionTotal: state.commissionTotal + difference,
        commissionOwedByClient: state.commissionOwedByClient + (direct ? difference : 0),
      };
    }
    case 'LedgerInvoiceAdded': {
      if (state.status === 'none') return state;
      const invoices = [...state.invoices, { ...event.data.invoice, open: event.data.invoice.amount }];
      return { ...state, invoices, paidInFullAnnounced: state.paidInFullAnnounced && event.data.balanceAfter === 0 };
    }
    case 'OpenBalanceAdjusted': {
      if (state.status === 'none') return state;
      const { openItem, allocations, adjustmentId, balanceAfter } = event.data;
      const invoices = openItem ? [...state.invoices, { ...openItem, open: openItem.amount }] : moveOpenAmounts(state.invoices, allocations, -1);
      const settlementWrittenOff = state.settlementWrittenOff === true || event.data.kind === 'settlement-write-off';
      return { ...state, invoices, adjustmentIds: [...(state.adjustmentIds ?? []), adjustmentId], paidInFullAnnounced: state.paidInFullAnnounced && balanceAfter === 0, ...(settlementWrittenOff ? { settlementWrittenOff } : {}) };
    }
  }
}

function moveOpenAmounts(invoices: OpenInvoice[], allocations: Allocation[], sign: 1 | -1): OpenInvoice[] {
  return invoices.map((invoice) => {
    const moved = allocations.filter((a) => a.invoiceNumber === invoice.number).reduce((sum, a) => sum + a.amount, 0);
    return moved === 0 ? invoice : { ...invoice, open: invoice.open + sign * moved };
  });
}
