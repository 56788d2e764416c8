import type { DomainEvent } from '@lib/es-core';

export const DISPUTE_OPENERS = ['debtor', 'client'] as const;
export type DisputeOpener = (typeof DISPUTE_OPENERS)[number];

export const DISPUTE_OUTCOMES = ['upheld', 'rejected'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

export interface DisputedInvoice {
  invoiceNumber: string;
  /** Minor units disputed on this invoice. */
  amount: number;
}

/**
 * The debtor (recorded by a collector) or the client contests the debt: the whole account
 * (`invoices` empty) or the listed invoices. `amount` is what is disputed, in minor units:
 * the invoices' total, or the placed amount for the whole account. The client is asked
 * for its documents with it.
 */
export type DisputeOpened = DomainEvent<
  'DisputeOpened',
  {
    accountId: string;
    clientId: string;
    disputeId: string;
    holdId: string;
    openedBy: DisputeOpener;
    invoices: DisputedInvoice[];
    amount: number;
    currency: string;
    reason: string;
    openedAt: string;
    /** The debtor's dispute reached the agency in writing (a letter, an email, the portal); absent on disputes recorded before it was asked: not written. */
    written?: boolean;
  }
>;

/**
 * Upheld: the debtor was right, `amount` (minor units, at most the disputed amount) comes
 * off the balance. Rejected: collection resumes, `evidence` says what showed the debt is owed.
 */
export type DisputeResolved = DomainEvent<
  'DisputeResolved',
  {
    accountId: string;
    clientId: string;
    disputeId: string;
    outcome: DisputeOutcome;
    amount: number;
    currency: string;
    evidence: string;
    resolvedAt: string;
  }
>;

export type DisputeEvent = DisputeOpened | DisputeResolved;
