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
  postedAt: string;
  reversal?: { reason: ReversalReason; reversedAt: string };
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
      /** The rate that applies to the next payment. */
      rateBp: number;
      legalRateApplied: boolean;
      payments: PostedPayment[];
      commissionTotal: number;
      creditOwed: number;
      /**
       * Paid in full was announced and no reversal has reopened the balance since: a
       * payoff is announced once, and again only after a bounced payment reopened the
       * account (see docs/payments.md).
       */
      paidInFullAnnounced: boolean;
    };

export type OpenLedgerState = Extract<LedgerState, { status: 'open' }>;

export const initialLedgerState = (): LedgerState => ({ status: 'none' });

export function balanceOf(state: OpenLedgerState): number {
  return state.invoices.reduce((sum, invoice) => sum + invoice.open, 0);
}

export function evolveLedger(state: LedgerState, event: LedgerEvent): LedgerState {
  switch (event.type) {
    case 'LedgerOpened': {
      const { accountId, clientId, currency, invoices, commissionRateBp } = event.data;
      const legalRateBp = state.status === 'none' ? state.legalRateBp : undefined;
      return {
        status: 'open',
        accountId,
        clientId,
        currency,
        invoices: invoices.map((invoice) => ({ ...invoice, open: invoice.amount })),
        rateBp: legalRateBp ?? commissionRateBp,
        legalRateApplied: legalRateBp !== undefined,
        payments: [],
        commissionTotal: 0,
        creditOwed: 0,
        paidInFullAnnounced: false,
      };
    }
    case 'LegalRateApplied':
      if (state.status === 'none') return { status: 'none', legalRateBp: event.data.rateBp };
      return { ...state, rateBp: event.data.rateBp, legalRateApplied: true };
    case 'PaymentPosted.v2': {
      if (state.status === 'none') return state;
      const { paymentId, amount, method, allocations, commission, commissionRateBp: rateBp, credit, postedAt } = event.data;
      return {
        ...state,
        invoices: moveOpenAmounts(state.invoices, allocations, -1),
        payments: [...state.payments, { paymentId, amount, method, allocations, commission, rateBp, credit, postedAt }],
        commissionTotal: state.commissionTotal + commission,
        creditOwed: state.creditOwed + credit,
      };
    }
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
        creditOwed: state.creditOwed - credit,
      };
    }
  }
}

function moveOpenAmounts(invoices: OpenInvoice[], allocations: Allocation[], sign: 1 | -1): OpenInvoice[] {
  return invoices.map((invoice) => {
    const moved = allocations.filter((a) => a.invoiceNumber === invoice.number).reduce((sum, a) => sum + a.amount, 0);
    return moved === 0 ? invoice : { ...invoice, open: invoice.open + sign * moved };
  });
}
