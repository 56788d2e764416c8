import type { ClaimTypeV2 } from '@lib/contracts';
import type { DomainEvent } from '@lib/es-core';
import type { AccountCategory } from '../client/agreement-terms';
import type { EarlierPaymentImported } from './import-account.events';

export type { AccountCategory };

export interface Invoice {
  number: string;
  issueDate: string;
  dueDate: string;
  /** Minor units. */
  originalAmount: number;
  currency: string;
}

export interface DebtorAddress {
  lines: string[];
  city: string;
  region?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** Consent: the debtor agreed to be reached there. Do-not-contact wins over consent: the channel is never used. */
export interface DebtorPhone {
  number: string;
  consent: boolean;
  doNotContact: boolean;
}

export interface DebtorEmail {
  address: string;
  consent: boolean;
  doNotContact: boolean;
}

export interface Debtor {
  kind: 'company' | 'person';
  legalName: string;
  taxId?: string;
  country: string;
  region?: string;
  /** The single contact fields of the first placements; a request may still send them (they join `phones`/`emails` unflagged). */
  email?: string;
  phone?: string;
  addresses?: DebtorAddress[];
  phones?: DebtorPhone[];
  emails?: DebtorEmail[];
}

/** What the debtor owed at placement besides the invoices' principal, minor units of the account's currency. */
export interface PlacedBuckets {
  principal: number;
  interest: number;
  fees: number;
  costs: number;
}

export type AccountPlaced = DomainEvent<
  'AccountPlaced',
  {
    accountId: string;
    clientId: string;
    clientReference: string;
    commercial: boolean;
    debtor: Debtor;
    invoices: Invoice[];
    currency: string;
    /** Sum of the invoices' original amounts, minor units. */
    placedAmount: number;
    placedAt: string;
    /** Commission rate fixed at placement from the client's agreement, basis points. */
    commissionRateBp: number;
    /** Absent on placements recorded before categories: `standard`. */
    category?: AccountCategory;
    /** Absent on placements recorded before buckets: the principal alone. */
    buckets?: PlacedBuckets;
    /** Absent on placements recorded before the pre-collection service: `third-party`. */
    service?: ServiceType;
    /** Set on a `pre-collection` placement (pre-collection.ts). */
    preCollection?: PlacedPreCollection;
    /** What a suit would be brought on; absent when the client did not say (`open-account` to legal referral). */
    claimType?: ClaimTypeV2;
  }
>;

/** `reason` is given when staff closed it (cancel, staff close) or a supervisor forced a recall. */
export type AccountClosed = DomainEvent<'AccountClosed', { accountId: string; clientId: string; closingCode: ClosingCode; closedAt: string; reason?: string }>;

/** Payments posted a payment on the account (agency-collected or a reported direct payment); intake keeps what its recall rules need. */
export type PaymentNoted = DomainEvent<
  'PaymentNoted',
  {
    accountId: string;
    paymentId: string;
    /** How it was paid; null when payments' message did not say (an upcast v1). */
    method: string | null;
    amount: number;
    /** What the account owes after it, minor units. */
    balanceAfter: number;
    postedAt: string;
  }
>;

/** Debtor contact recorded a contact attempt (call, email, letter, text): work on the account began. */
export type ContactAttemptNoted = DomainEvent<'ContactAttemptNoted', { accountId: string; attemptId: string; channel: string; occurredAt: string }>;

/**
 * Debtor contact opened a dispute on the account (`DisputeOpened.v1`): the account's
 * standing has an open dispute until a `DisputeCleared` for the same `disputeId`.
 */
export type DisputeNoted = DomainEvent<'DisputeNoted', { accountId: string; disputeId: string; openedAt: string }>;

/** Debtor contact resolved a dispute (`DisputeResolved.v1`), upheld or rejected: it no longer holds the recall rules. */
export type DisputeCleared = DomainEvent<'DisputeCleared', { accountId: string; disputeId: string; outcome: 'upheld' | 'rejected'; resolvedAt: string }>;

/**
 * Debtor contact agreed a payment plan with the debtor (`PaymentPlanAgreed.v1`): the
 * account's standing has an active plan until a `PlanCleared` for the same `planId`.
 */
export type PlanNoted = DomainEvent<'PlanNoted', { accountId: string; planId: string; agreedAt: string }>;

/** Debtor contact's plan ended (`PaymentPlanCompleted.v1` or `PaymentPlanDefaulted.v1`): it no longer holds the recall rules. */
export type PlanCleared = DomainEvent<'PlanCleared', { accountId: string; planId: string; outcome: 'completed' | 'defaulted'; endedAt: string }>;

/** The client recalled the account; the `AccountClosed` (code `recalled`) follows it in the same decision. */
export type AccountRecalled = DomainEvent<
  'AccountRecalled',
  {
    accountId: string;
    clientId: string;
    workBegan: boolean;
    balanceRecalled: number;
    currency: string;
    /** Owed by the client, minor units, in the account's currency. */
    cancellationFee: number;
    /** The agreement version whose fee applied; null under the default agreement. */
    agreementVersion: number | null;
    /** A supervisor's override of the rules that refused the recall. */
    forced: { reason: string; overrides: RecallBlock[] } | null;
    recalledAt: string;
  }
>;

/** Why a recall is refused unless a supervisor forces it (docs/client-intake.md, "Recall"). */
export type RecallBlock = 'recall-payment-in-hold' | 'recall-plan-active' | 'recall-dispute-open';

/** The client says the debtor paid it directly; payments posts it as a direct payment with `paymentId` = `reportId`. */
export type DirectPaymentReported = DomainEvent<
  'DirectPaymentReported',
  { accountId: string; clientId: string; reportId: string; amount: number; currency: string; method: PaymentMethod; paidOn: string; reportedAt: string }
>;

export type PaymentMethod = 'ach' | 'card' | 'check' | 'wire' | 'cash';

/** A closure undone: today only a payment reversed after the account closed as paid in full. */
export type AccountReopened = DomainEvent<
  'AccountReopened',
  {
    accountId: string;
    clientId: string;
    previousClosingCode: ClosingCode;
    reason: ReopeningReason;
    paymentId?: string;
    /** What the debtor owes again, minor units, as payments reported it. */
    balance: number;
    reopenedAt: string;
  }
>;

export type ReopeningReason = 'payment-reversed';

export type LegalReferralAuthorized = DomainEvent<
  'LegalReferralAuthorized',
  { accountId: string; clientId: string; authorizedAt: string; agreesToSuitFee: boolean; agreesToAdvanceCosts: boolean }
>;

export type ClosingCode =
  | 'paid-in-full'
  | 'settled'
  | 'recalled'
  | 'cancelled'
  | 'uncollectible'
  | 'skip-failed'
  | 'bankrupt'
  | 'deceased'
  | 'time-barred'
  | 'disputed-upheld'
  | 'legal-closed'
  | 'written-off';

/** Who changed a placed account: the client itself or a staff member (role and id). */
export interface ChangedBy {
  role: string;
  id: string;
}

/** An invoice added to a placed account after placement: one more open item on its ledger. */
export type InvoiceAdded = DomainEvent<'InvoiceAdded', { accountId: string; clientId: string; invoice: Invoice; addedBy: ChangedBy; addedAt: string }>;

/**
 * What the debtor owes changed, with its reason: `amount` is signed minor units (up:
 * owed more). Never takes the balance below what the debtor has paid (docs/domain.md).
 */
export type BalanceAdjusted = DomainEvent<
  'BalanceAdjusted',
  {
    accountId: string;
    clientId: string;
    adjustmentId: string;
    amount: number;
    currency: string;
    reason: string;
    adjustedBy: ChangedBy;
    adjustedAt: string;
    /** Set on the write-off of a paid settlement; absent on a client's or staff's adjustment. */
    kind?: 'settlement-write-off' | 'write-off';
  }
>;

/** The debtor's data after an update (the whole of it, so a reader replaces what it held), and the fields the update changed. */
export type DebtorUpdated = DomainEvent<
  'DebtorUpdated',
  { accountId: string; clientId: string; debtor: Debtor; changed: string[]; updatedBy: ChangedBy; updatedAt: string }
>;

export type AccountEvent =
  | AccountPlaced
  | AccountClosed
  | AccountReopened
  | LegalReferralAuthorized
  | PaymentNoted
  | ContactAttemptNoted
  | DisputeNoted
  | DisputeCleared
  | PlanNoted
  | PlanCleared
  | AccountRecalled
  | DirectPaymentReported
  | EarlierPaymentImported
  | InvoiceAdded
  | BalanceAdjusted
  | DebtorUpdated

  | PreCollectionEvent;

/** Pre-collection (first-party) service: what a placement fixes and what happens in its window (pre-collection.ts). */
export type ServiceType = 'pre-collection' | 'third-party';
export const SERVICE_TYPES = ['pre-collection', 'third-party'] as const;

/** The pre-collection terms fixed on the account at placement, from the agreement version in force then. */
export interface PlacedPreCollection {
  agreementVersion: number;
  /** Placement + windowDays: the conversion's business date. */
  windowEndsAt: string;
  /** Days from placement, ascending, inside the window. */
  reminderDays: number[];
  /** Owed once per account, minor units of the account's currency. */
  flatFee: number;
}

export type PreCollectionReminderSent = DomainEvent<'PreCollectionReminderSent', { accountId: string; clientId: string; day: number; sentAt: string }>;

/**
 * `convertedAt` is the window's end (its business date), whenever the scheduler ran the
 * work; `balance` is what intake last heard from payments. It repeats the placement facts
 * the third-party path starts from (debtor contact's case, the legal review clock).
 */
export type ConvertedToThirdParty = DomainEvent<
  'ConvertedToThirdParty',
  { accountId: string; clientId: string; commercial: boolean; currency: string; placedAmount: number; balance: number; invoiceDueDates: string[]; clientReference?: string; invoices?: Invoice[]; debtor: Debtor; convertedAt: string }
>;

export type PreCollectionEvent = PreCollectionReminderSent | ConvertedToThirdParty;
