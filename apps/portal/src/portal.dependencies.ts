import type { Clock } from '@lib/clock';
import type { ServiceDependencies } from '@lib/platform';
import type { PortalPaymentMethod } from './domain/access/portal-access.events';

export const PORTAL_SERVICE = 'portal';

/** The account as the debtor may see it, gathered from debtor contact (the case) and payments (the ledger). */
export interface AccountSnapshot {
  accountId: string;
  clientId: string;
  caseOpen: boolean;
  commercial: boolean;
  debtorName: string;
  /** Postcodes of the debtor's addresses on file, as placed. */
  postalCodes: string[];
  currency: string;
  balance: number;
  invoices: Array<{ number: string; dueDate: string; amount: number; open: number }>;
  payments: Array<{ paymentId: string; amount: number; method: string; postedAt: string; reversed: boolean }>;
  activePlan: { planId: string; total: number; paid: number; installments: Array<{ number: number; dueDate: string; amount: number }> } | null;
}

/** Who may accept a debtor's queued plan proposal: those who agree plans in debtor contact. */
export interface PlanAcceptor {
  role: 'collector' | 'supervisor';
  id: string;
}

export type Refusal = { refused: string; reason: string };

/**
 * Port: the other services' commands and reads the portal uses, exactly those collectors
 * use (payments' PostPayment, debtor contact's AgreePaymentPlan). In the all-in-one they
 * are dispatched on the process's buses; a portal running alone calls the services' HTTP APIs.
 */
export interface PortalAccounts {
  /** null when there is no case or no ledger for the account. */
  snapshot(accountId: string): Promise<AccountSnapshot | null>;
  /** Posts a confirmed provider payment once: `providerReference` is the idempotency (causation) key. */
  postPayment(payment: { accountId: string; amount: number; currency: string; method: PortalPaymentMethod; providerReference: string }): Promise<{ paymentId: string; balanceAfter: number } | Refusal>;
  /**
   * Debtor contact's AgreePaymentPlan for a debtor's proposal. `acceptedBy`: the staff member
   * who accepts a queued proposal (the plan is theirs; its own idempotency key); without it
   * the portal agrees the plan for the debtor.
   */
  agreePlan(plan: { accountId: string; currency: string; frequency: string; firstDueDate: string; installments: number[]; proposalId: string }, acceptedBy?: PlanAcceptor): Promise<{ planId: string } | Refusal>;
  /**
   * Opens the debtor's dispute of the whole account through debtor contact's dispute
   * command, which puts the account on a dispute hold. `disputeId` (the portal's) is the
   * idempotency (causation) key; the answer is debtor contact's dispute id.
   */
  openDispute(dispute: { accountId: string; disputeId: string; reason: string }): Promise<{ disputeId: string } | Refusal>;
}

/** A confirmed payment as the provider reports it (checkout completed and paid). */
export interface ProviderPayment {
  provider: string;
  /** The provider's own id of the payment: the key that makes a repeated webhook harmless. */
  providerReference: string;
  checkoutId: string;
  accountId: string;
  amount: number;
  currency: string;
  method: PortalPaymentMethod;
}

/**
 * Port: a payment provider's hosted checkout. The portal sends the debtor to
 * `redirectUrl`; the provider tells the portal of the outcome by a signed webhook.
 */
export interface PaymentProvider {
  readonly name: string;
  createCheckout(request: {
    accountId: string;
    checkoutId: string;
    amount: number;
    currency: string;
    method: PortalPaymentMethod;
    description: string;
    successUrl: string;
    cancelUrl: string;
  }): Promise<{ redirectUrl: string; providerCheckoutId: string }>;
  /**
   * Verifies a webhook's signature over its raw body and reads it. Throws
   * `WebhookSignatureInvalid` for a bad signature; null for an event that is no confirmed payment.
   */
  readWebhook(rawBody: Buffer, headers: Record<string, string | undefined>): ProviderPayment | null;
}

export class WebhookSignatureInvalid extends Error {}

/** A debtor's supporting document as the portal trail describes it (`PortalDisputeOpened`). */
export interface DocumentDescription {
  /** The document's id in the `DisputeDocuments` store. */
  documentId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/**
 * Port: disputes. The adapter hands the dispute to debtor contact (through the accounts
 * port); the document itself stays with the portal (`DisputeDocuments`), described on the portal trail.
 */
export interface DisputeDesk {
  open(dispute: { accountId: string; disputeId: string; reason: string; details: string; document: DocumentDescription }): Promise<{ disputeId: string } | Refusal>;
}

/**
 * Port: the documents debtors upload with a dispute, kept so staff can download them. The
 * bytes are stored under the document's id before the dispute's event names it; what the
 * trail records (size, SHA-256) is checked again when they are read.
 */
export interface DisputeDocuments {
  save(documentId: string, bytes: Buffer): Promise<void>;
  /** The stored bytes, or null when there are none under that id. */
  load(documentId: string): Promise<Buffer | null>;
}

/** The agency as the debtor sees it on every page. */
export interface AgencyContact {
  name: string;
  phone: string;
  email: string;
  address: string;
  hours: string;
}

export interface PortalDependencies extends ServiceDependencies {
  /** HMAC secret of personal links and portal sessions. */
  linkSecret: string;
  /** Where the portal's pages are reached from outside (links in letters and emails). */
  publicUrl: string;
  /** Credentials' lifetimes are judged by the wall clock, as staff tokens are: CLOCK=test moves business days, not how long a link has been out. */
  wallClock: Clock;
  accounts: PortalAccounts;
  provider: PaymentProvider;
  /** Where disputes go; by default to debtor contact through `accounts`. */
  disputes: DisputeDesk;
  /** Where dispute documents are kept. */
  documents: DisputeDocuments;
  agency: AgencyContact;
}

export const isRefusal = (value: unknown): value is Refusal => typeof value === 'object' && value !== null && 'refused' in value;
