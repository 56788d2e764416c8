import type { AccountEvent, AccountPlaced, ClosingCode } from './account.events';

/** A payment payments posted on the account, as the recall rules need it. */
export interface NotedPayment {
  paymentId: string;
  method: string | null;
  postedAt: string;
  /** Reported by the client as paid to it directly: never in the agency's trust account, so never in a cleared-funds hold. */
  direct: boolean;
}

/**
 * What intake hears of the work on an account, for the recall rules. `planActive` follows
 * debtor contact's payment plans (`PlanNoted`, `PlanCleared`) and `disputeOpen` its
 * disputes (`DisputeNoted`, `DisputeCleared`).
 */
export interface CollectionStanding {
  /** What the debtor owes, minor units: the placed amount until payments reports a payment. */
  balance: number;
  payments: NotedPayment[];
  /** Report ids of the direct payments the client reported. */
  directReports: string[];
  /** A contact attempt was recorded or the agency posted a payment (docs/client-intake.md, "Recall"). */
  workBegan: boolean;
  /** At least one plan noted has not ended: `openPlans` is not empty. */
  planActive: boolean;
  /** Plans agreed and not yet ended, by planId. */
  openPlans: string[];
  /** Plans ended, by planId: a redelivered or late `PaymentPlanAgreed` for one of them opens nothing. */
  endedPlans: string[];
  /** At least one dispute noted is not cleared: `openDisputes` is not empty. */
  disputeOpen: boolean;
  /** Disputes noted and not yet cleared, by disputeId. */
  openDisputes: string[];
  /** Disputes cleared, by disputeId: a redelivered or late `DisputeOpened` for one of them opens nothing. */
  clearedDisputes: string[];
}

/** What every placed account carries, open or closed: the placement (with the invoices added and the debtor as updated since) and whether the client authorized suit. */
interface PlacedAccount {
  placement: AccountPlaced['data'];
  legalAuthorized: boolean;
  standing: CollectionStanding;
  /** Pre-collection progress (pre-collection.ts): the reminder days sent, and when it converted to third-party. */
  remindersSent?: number[];
  convertedAt?: string;
}

export type ActiveAccount = PlacedAccount & {
  status: 'active';
  /** When a closure was last undone; null for an account never closed. */
  reopenedAt: string | null;
};

export type ClosedAccount = PlacedAccount & {
  status: 'closed';
  closingCode: ClosingCode;
  closedAt: string;
};

/** An account as intake knows it: enough for the rules, and for a reader to show it without its own fold. */
export type AccountState = { status: 'none' } | ActiveAccount | ClosedAccount;

export const initialAccountState = (): AccountState => ({ status: 'none' });

const freshStanding = (placedAmount: number): CollectionStanding => ({ balance: placedAmount, payments: [], directReports: [], workBegan: false, planActive: false, openPlans: [], endedPlans: [], disputeOpen: false, openDisputes: [], clearedDisputes: [] });

export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountPlaced':
      return { status: 'active', placement: event.data, legalAuthorized: false, reopenedAt: null, standing: freshStanding(event.data.placedAmount) };
    case 'AccountClosed':
      if (state.status === 'none') return state;
      return { status: 'closed', ...preCollectionProgress(state), placement: state.placement, legalAuthorized: state.legalAuthorized, standing: state.standing, closingCode: event.data.closingCode, closedAt: event.data.closedAt };
    case 'AccountReopened':
      if (state.status === 'none') return state;
      return {
        status: 'active',
        ...preCollectionProgress(state),
        placement: state.placement,
        legalAuthorized: state.legalAuthorized,
        standing: { ...state.standing, balance: event.data.balance },
        reopenedAt: event.data.reopenedAt,
      };
    case 'LegalReferralAuthorized':
      return state.status === 'none' ? state : { ...state, legalAuthorized: true };
    case 'PaymentNoted': {
      if (state.status === 'none') return state;
      const { paymentId, method, postedAt, balanceAfter } = event.data;
      const direct = state.standing.directReports.includes(paymentId);
      const payments = [...state.standing.payments, { paymentId, method, postedAt, direct }];
      return { ...state, standing: { ...state.standing, balance: balanceAfter, payments, workBegan: state.standing.workBegan || !direct } };
    }
    case 'ContactAttemptNoted':
      return state.status === 'none' ? state : { ...state, standing: { ...state.standing, workBegan: true } };
    case 'DisputeNoted': {
      if (state.status === 'none') return state;
      return { ...state, standing: withOpenDisputes(state.standing, [...state.standing.openDisputes, event.data.disputeId]) };
    }
    case 'DisputeCleared': {
      if (state.status === 'none') return state;
      const { disputeId } = event.data;
      const standing = withOpenDisputes(state.standing, state.standing.openDisputes.filter((id) => id !== disputeId));
      return { ...state, standing: { ...standing, clearedDisputes: [...standing.clearedDisputes, disputeId] } };
    }
    case 'PlanNoted':
      return state.status === 'none' ? state : { ...state, standing: withOpenPlans(state.standing, [...state.standing.openPlans, event.data.planId]) };
    case 'PlanCleared': {
      if (state.status === 'none') return state;
      const { planId } = event.data;
      const standing = withOpenPlans(state.standing, state.standing.openPlans.filter((id) => id !== planId));
      return { ...state, standing: { ...standing, endedPlans: [...standing.endedPlans, planId] } };
    }
    case 'DirectPaymentReported':
      return state.status === 'none' ? state : { ...state, standing: { ...state.standing, directReports: [...state.standing.directReports, event.data.reportId] } };
    case 'AccountRecalled':
      return state;
    // The balance follows payments' PaymentNoted for it, as for any payment.
    case 'EarlierPaymentImported':
      return state;
    case 'InvoiceAdded':
      if (state.status === 'none') return state;
      return {
        ...state,
        placement: { ...state.placement, invoices: [...state.placement.invoices, event.data.invoice] },
        standing: { ...state.standing, balance: state.standing.balance + event.data.invoice.originalAmount },
      };
    case 'BalanceAdjusted':
      return state.status === 'none' ? state : { ...state, standing: { ...state.standing, balance: state.standing.balance + event.data.amount } };
    case 'DebtorUpdated':
      return state.status === 'none' ? state : { ...state, placement: { ...state.placement, debtor: event.data.debtor } };
    case 'PreCollectionReminderSent':
      return state.status === 'none' ? state : { ...state, remindersSent: [...(state.remindersSent ?? []), event.data.day] };
    case 'ConvertedToThirdParty':
      return state.status === 'none' ? state : { ...state, convertedAt: event.data.convertedAt };
  }
}

function withOpenDisputes(standing: CollectionStanding, openDisputes: string[]): CollectionStanding {
  return { ...standing, openDisputes, disputeOpen: openDisputes.length > 0 };
}

function withOpenPlans(standing: CollectionStanding, openPlans: string[]): CollectionStanding {
  return { ...standing, openPlans, planActive: openPlans.length > 0 };
}

function preCollectionProgress(state: ActiveAccount | ClosedAccount): Pick<PlacedAccount, 'remindersSent' | 'convertedAt'> {
  return { ...(state.remindersSent ? { remindersSent: state.remindersSent } : {}), ...(state.convertedAt ? { convertedAt: state.convertedAt } : {}) };
}
