import { contract, DataOf } from '../contract';
import { Infer, s } from '../schema';

/** Published by client-intake, keyed by account id. */
export const INTAKE_ACCOUNTS = 'intake.accounts';

const invoice = s.object({ number: s.string(), issueDate: s.date(), dueDate: s.date(), originalAmount: s.int(), currency: s.currency() });
export type InvoiceV1 = Infer<typeof invoice>;

export const AccountPlaced = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'AccountPlaced.v1',
  summary: 'A client placed an account: its debtor, invoices and the commission rate fixed at placement.',
  consumers: ['client-intake', 'debtor-contact', 'payments', 'legal-referral', 'reporting'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    clientReference: s.string(),
    commercial: s.boolean(),
    /** `email` and `phone`, when the client gave them, are where debtor contact sends the notices. */
    debtor: s.object({ kind: s.string(), legalName: s.string(), country: s.string(), region: s.optional(s.string()), email: s.optional(s.string()), phone: s.optional(s.string()) }),
    invoices: s.array(invoice),
    currency: s.currency(),
    placedAmount: s.int(),
    commissionRateBp: s.int(),
    placedAt: s.instant(),
  }),
});
export type AccountPlacedV1 = DataOf<typeof AccountPlaced>;

export const AccountClosed = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'AccountClosed.v1',
  summary: 'An account closed, with its closing code (e.g. `paid-in-full`).',
  consumers: ['client-intake', 'debtor-contact', 'legal-referral', 'reporting'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    closingCode: s.string(),
    closedAt: s.instant(),
  }),
});
export type AccountClosedV1 = DataOf<typeof AccountClosed>;

/**
 * A closed account is open again. Today only one thing reopens an account: a payment
 * reversed (bounced) after the account closed as paid in full, leaving a balance again.
 * Consumers put the account back where it was before its `AccountClosed`.
 */
export const AccountReopened = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'AccountReopened.v1',
  summary: 'A closed account is open again (a reversed payment left a balance); consumers undo its closing.',
  consumers: ['client-intake', 'debtor-contact', 'legal-referral', 'reporting'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    /** The closing code of the closure this undoes, e.g. `paid-in-full`. */
    previousClosingCode: s.string(),
    /** Why, e.g. `payment-reversed`. */
    reason: s.string(),
    /** The payment whose reversal reopened the account, when a reversal did. */
    paymentId: s.optional(s.string()),
    /** What the debtor owes again, minor units, as payments reported it. */
    balance: s.int(),
    reopenedAt: s.instant(),
  }),
});
export type AccountReopenedV1 = DataOf<typeof AccountReopened>;

export const LegalReferralAuthorized = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'LegalReferralAuthorized.v1',
  summary: 'The client asks for the account to go to an attorney, agreeing (or not) to the suit fee and to advance costs.',
  consumers: ['legal-referral'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    authorizedAt: s.instant(),
    /** The client agrees to the suit fee and to advance court costs. */
    agreesToSuitFee: s.boolean(),
    agreesToAdvanceCosts: s.boolean(),
  }),
});
export type LegalReferralAuthorizedV1 = DataOf<typeof LegalReferralAuthorized>;
