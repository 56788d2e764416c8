import type { ClaimTypeV2 } from '@lib/contracts';
import type { AccountCategory, ClosingCode, Debtor, Invoice, PaymentMethod, ServiceType } from './account.events';
import type { ImportAccount } from './import-account.commands';
import type { PreCollectionTerms } from '../client/agreement-terms';

/** Commands on an account. Times arrive on them; the decider reads no clock. */
export interface PlaceAccount {
  type: 'PlaceAccount';
  accountId: string;
  clientId: string;
  clientReference: string;
  commercial: boolean;
  debtor: Debtor;
  invoices: Invoice[];
  /** Absent: `standard`. */
  category?: AccountCategory;
  /** Owed beside the invoices' principal, minor units; absent: none. */
  interest?: number;
  fees?: number;
  costs?: number;
  /** Absent: `third-party`. */
  service?: ServiceType;
  /** The pre-collection terms of the client's agreement in force at placement; absent when it has none. */
  preCollectionTerms?: PreCollectionTerms & { agreementVersion: number };
  /** Absent: `open-account` (legal referral's default). */
  claimType?: ClaimTypeV2;
  now: Date;
}

export interface CloseAccount {
  type: 'CloseAccount';
  closingCode: ClosingCode;
  now: Date;
}

/** Payments reversed a payment; `balanceAfter` is what the account owes after the reversal. */
export interface ReopenAfterReversal {
  type: 'ReopenAfterReversal';
  paymentId: string;
  balanceAfter: number;
  now: Date;
}

export interface AuthorizeLegalReferral {
  type: 'AuthorizeLegalReferral';
  clientId: string;
  agreesToSuitFee: boolean;
  agreesToAdvanceCosts: boolean;
  now: Date;
}

/** Who asks: a client (for its own accounts) or a staff member, by role. */
export interface Requester {
  role: string;
  id: string;
}

/** The terms of the client's agreement in force at the recall that the recall rules read. */
export interface RecallTerms {
  /** Null under the default agreement the client was onboarded with. */
  agreementVersion: number | null;
  currency: string;
  /** Days a payment stays inside its cleared-funds hold, per payment method. */
  clearedFundsHoldDays: Record<PaymentMethod, number>;
  cancellationFee: { flat: number; rateOfBalanceBp: number };
}

/** The client (or staff for it) withdraws the account; a supervisor may force it past the refusals, with a reason. */
export interface RecallAccount {
  type: 'RecallAccount';
  requester: Requester;
  force: { reason: string } | null;
  terms: RecallTerms;
  now: Date;
}

/** The agency cancels and returns the account to the client. */
export interface CancelAccount {
  type: 'CancelAccount';
  reason: string;
  now: Date;
}

/** Staff close an account with a closing code that has no command or process of its own yet. */
export interface CloseAccountByStaff {
  type: 'CloseAccountByStaff';
  closingCode: ClosingCode;
  reason: string;
  requester: Requester;
  now: Date;
}

/** Payments posted a payment on the account. */
export interface NotePayment {
  type: 'NotePayment';
  paymentId: string;
  method: string | null;
  amount: number;
  balanceAfter: number;
  postedAt: string;
}

/** Debtor contact recorded a contact attempt on the account. */
export interface NoteContactAttempt {
  type: 'NoteContactAttempt';
  attemptId: string;
  channel: string;
  occurredAt: string;
}

/** Debtor contact opened a dispute on the account. */
export interface NoteDispute {
  type: 'NoteDispute';
  disputeId: string;
  openedAt: string;
}

/** Debtor contact agreed a payment plan on the account. */
export interface NotePlan {
  type: 'NotePlan';
  planId: string;
  agreedAt: string;
}

/** Debtor contact's plan on the account ended, paid or defaulted. */
export interface ClearPlan {
  type: 'ClearPlan';
  planId: string;
  outcome: 'completed' | 'defaulted';
  endedAt: string;
}

/** Debtor contact resolved a dispute on the account, either way. */
export interface ClearDispute {
  type: 'ClearDispute';
  disputeId: string;
  outcome: 'upheld' | 'rejected';
  resolvedAt: string;
}

/** The client reports that the debtor paid it directly. */
export interface ReportDirectPayment {
  type: 'ReportDirectPayment';
  clientId: string;
  reportId: string;
  amount: number;
  currency: string;
  method: PaymentMethod;
  paidOn: string;
  now: Date;
}

/** The client (or staff for it) adds an invoice to a placed account. */
export interface AddInvoice {
  type: 'AddInvoice';
  requester: Requester;
  invoice: Invoice;
  now: Date;
}

/** The client (or staff for it) changes what the debtor owes: `amount` is signed, minor units (up: more owed). */
export interface AdjustBalance {
  type: 'AdjustBalance';
  requester: Requester;
  adjustmentId: string;
  amount: number;
  currency: string;
  reason: string;
  now: Date;
}

/** The debtor's data as changed: each field given replaces the one held; a list given replaces the whole list. */
export type DebtorChanges = Partial<Pick<Debtor, 'legalName' | 'taxId' | 'addresses' | 'phones' | 'emails'>>;

/** The client (or staff for it) updates the debtor's name, tax id, addresses, phones or emails. */
export interface UpdateDebtor {
  type: 'UpdateDebtor';
  requester: Requester;
  changes: DebtorChanges;
  now: Date;
}

/**
 * Legal referral found the account past its statute of limitations
 * (AccountTimeBarred.v1): close it `time-barred` unless something else keeps it open.
 */
export interface CloseTimeBarredAccount {
  type: 'CloseTimeBarredAccount';
  expiredOn: string;
  reason: string;
  now: Date;
}

/** Debtor contact says an approved settlement is paid (SettlementPaid.v1): write the rest off, close it `settled`. */
export interface CloseSettledAccount {
  type: 'CloseSettledAccount';
  settlementId: string;
  amount: number;
  paid: number;
  currency: string;
  writeOff: number;
  now: Date;
}

/** Debtor contact says a supervisor approved a write-off (WriteOffApproved.v1). */
export interface WriteOffBalance {
  type: 'WriteOffBalance';
  writeOffId: string;
  /** Minor units to take off the balance. */
  writeOff: number;
  /** The whole remaining balance was written off: the account closes `written-off`. */
  full: boolean;
  currency: string;
  reason: string;
  now: Date;
}

export type AccountCommand =
  | CloseSettledAccount
  | WriteOffBalance
  | CloseTimeBarredAccount
  | PlaceAccount
  | CloseAccount
  | ReopenAfterReversal
  | AuthorizeLegalReferral
  | RecallAccount
  | CancelAccount
  | CloseAccountByStaff
  | NotePayment
  | NoteContactAttempt
  | NoteDispute
  | ClearDispute
  | NotePlan
  | ClearPlan
  | ReportDirectPayment
  | ImportAccount
  | AddInvoice
  | AdjustBalance
  | UpdateDebtor

  | PreCollectionCommand;

/** The scheduler's reminder of `day` is due. */
export interface SendPreCollectionReminder {
  type: 'SendPreCollectionReminder';
  day: number;
  now: Date;
}

/** The scheduler's window end is due. */
export interface ConvertToThirdParty {
  type: 'ConvertToThirdParty';
  now: Date;
}

export type PreCollectionCommand = SendPreCollectionReminder | ConvertToThirdParty;
