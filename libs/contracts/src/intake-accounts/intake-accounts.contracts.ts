import { contract, DataOf, superseded } from '../contract';
import { ACCOUNT_CATEGORIES } from '../intake-clients/intake-clients.contracts';
import { Infer, s } from '../schema';

/** Published by client-intake, keyed by account id. */
export const INTAKE_ACCOUNTS = 'intake.accounts';

/** An invoice as intake publishes it; shared by every intake contract that carries invoices. */
export const invoiceSchema = s.object({ number: s.string(), issueDate: s.date(), dueDate: s.date(), originalAmount: s.int(), currency: s.currency() });
export type InvoiceV1 = Infer<typeof invoiceSchema>;

/**
 * What a suit on the account would be brought on; the statute of limitations depends on it
 * (docs/legal-referral.md). `sale-of-goods` is UCC 2-725.
 */
export const CLAIM_TYPES = ['written-contract', 'open-account', 'sale-of-goods', 'promissory-note'] as const;
export type ClaimTypeV2 = (typeof CLAIM_TYPES)[number];

const accountPlacedV1Fields = {
  accountId: s.string(),
  clientId: s.string(),
  clientReference: s.string(),
  commercial: s.boolean(),
  debtor: s.object({ kind: s.string(), legalName: s.string(), country: s.string(), region: s.optional(s.string()) }),
  invoices: s.array(invoiceSchema),
  currency: s.currency(),
  placedAmount: s.int(),
  commissionRateBp: s.int(),
  placedAt: s.instant(),
};

const address = s.object({
  lines: s.array(s.string()),
  city: s.string(),
  region: s.optional(s.string()),
  postalCode: s.optional(s.string()),
  country: s.string(),
});
/** Consent: the debtor agreed to be reached there. Do-not-contact: never use it (it wins over consent). */
const phone = s.object({ number: s.string(), consent: s.boolean(), doNotContact: s.boolean() });
const email = s.object({ address: s.string(), consent: s.boolean(), doNotContact: s.boolean() });
export type DebtorPhoneV2 = Infer<typeof phone>;
export type DebtorEmailV2 = Infer<typeof email>;
export type DebtorAddressV2 = Infer<typeof address>;

/**
 * The debtor as intake publishes it from AccountPlaced.v2 on (placements, updates,
 * conversions): tax id, addresses, and contacts with their consent and do-not-contact flags.
 */
export const publishedDebtorSchema = s.object({
  kind: s.string(),
  legalName: s.string(),
  country: s.string(),
  region: s.optional(s.string()),
  /** Null only when upcast from a v1 message, or when the client gave none. */
  taxId: s.nullable(s.string()),
  addresses: s.array(address),
  phones: s.array(phone),
  emails: s.array(email),
});

/**
 * A placement as intake acknowledges it. v2 adds the account category, the balance
 * buckets and the debtor's tax id, addresses, phones and emails. `placedAmount` stays the
 * principal (the invoices' sum, as in v1); `buckets` adds interest, fees and costs placed
 * beside it. A v1 message upcast on arrival is a `standard` account whose buckets are its
 * principal alone (v1 could carry nothing else), with no tax id (null: not known) and no
 * addresses or contacts beyond the country and region it named.
 */
export const AccountPlacedV2 = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'AccountPlaced.v2',
  summary: 'A client placed an account: its category, debtor (tax id, addresses, contacts with consent and do-not-contact flags), invoices, balance buckets and the commission rate fixed at placement.',
  consumers: ['client-intake', 'debtor-contact', 'payments', 'legal-referral', 'reporting'],
  schema: s.object({
    ...accountPlacedV1Fields,
    category: s.enum(ACCOUNT_CATEGORIES),
    debtor: publishedDebtorSchema,
    /** Minor units of `currency`; `principal` equals `placedAmount`. */
    buckets: s.object({ principal: s.int(), interest: s.int(), fees: s.int(), costs: s.int() }),
    /**
     * Absent: `third-party` (every placement before the pre-collection service, and a v1
     * upcast). A `pre-collection` account gets reminders in the client's name until
     * `preCollection.windowEndsAt`; third-party collection (first notice, legal review
     * clock, commission) starts only with its `ConvertedToThirdParty.v1`.
     */
    service: s.optional(s.enum(['pre-collection', 'third-party'] as const)),
    /** Set on a `pre-collection` placement: the terms of the agreement version in force at placement. */
    preCollection: s.optional(
      s.object({ agreementVersion: s.int(), windowEndsAt: s.instant(), reminderDays: s.array(s.int()), flatFee: s.int() }),
    ),
    /**
     * Absent: `open-account` (a placement of commercial invoices is a running account; every
     * placement before claim types, and a v1 upcast). Legal referral runs the statute of
     * limitations of the debtor's jurisdiction for this claim type.
     */
    claimType: s.optional(s.enum(CLAIM_TYPES)),
  }),
});
export type AccountPlacedV2 = DataOf<typeof AccountPlacedV2>;

export const AccountPlacedV1 = superseded(
  contract({
    topic: INTAKE_ACCOUNTS,
    type: 'AccountPlaced.v1',
    summary: 'Superseded by AccountPlaced.v2 (no category, buckets, tax id or contacts); still on the topic, upcast on arrival.',
    consumers: ['client-intake', 'debtor-contact', 'payments', 'legal-referral', 'reporting'],
    schema: s.object(accountPlacedV1Fields),
  }),
  AccountPlacedV2,
  (v1): AccountPlacedV2 => ({
    ...v1,
    category: 'standard',
    debtor: { ...v1.debtor, taxId: null, addresses: [], phones: [], emails: [] },
    buckets: { principal: v1.placedAmount, interest: 0, fees: 0, costs: 0 },
  }),
);
export type AccountPlacedV1 = DataOf<typeof AccountPlacedV1>;

/** The version intake publishes and consumers handle. */
export const AccountPlaced = AccountPlacedV2;

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

/**
 * The client recalled (withdrew) the account. The `AccountClosed.v1` with code `recalled`
 * that follows it is what stops collection everywhere; this message carries what the
 * recall costs the client: the cancellation fee of the agreement in force, owed when work
 * on the account had begun (docs/client-intake.md, "Recall").
 */
export const AccountRecalled = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'AccountRecalled.v1',
  summary: 'The client recalled the account: whether work had begun, the cancellation fee owed, and the override when a supervisor forced it.',
  consumers: ['payments', 'debtor-contact'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    /** A contact attempt was recorded or the agency posted a payment before the recall. */
    workBegan: s.boolean(),
    /** What the account still owed when recalled, minor units, as intake last heard it from payments. */
    balanceRecalled: s.int(),
    currency: s.currency(),
    /** Owed by the client, minor units; 0 when work had not begun or the agreement sets no fee. */
    cancellationFee: s.int(),
    /** The agreement version whose fee applied; null under the default agreement (no fee). */
    agreementVersion: s.nullable(s.int()),
    /** Set when a supervisor forced the recall past a refusal: why, and the rules overridden. */
    forced: s.nullable(s.object({ reason: s.string(), overrides: s.array(s.string()) })),
    recalledAt: s.instant(),
  }),
});
export type AccountRecalledV1 = DataOf<typeof AccountRecalled>;

/**
 * The client reports that the debtor paid it directly. Payments posts it as a direct
 * payment (`paymentId` is `reportId`): it reduces the balance and its commission is owed
 * by the client, not deducted from collections.
 */
export const DirectPaymentReported = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'DirectPaymentReported.v1',
  summary: 'The client reports that the debtor paid it directly; payments posts it as direct, commission owed by the client.',
  consumers: ['payments'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    reportId: s.string(),
    /** Minor units. */
    amount: s.int(),
    currency: s.currency(),
    method: s.enum(['ach', 'card', 'check', 'wire', 'cash'] as const),
    /** The day the debtor paid the client. */
    paidOn: s.date(),
    reportedAt: s.instant(),
  }),
});
export type DirectPaymentReportedV1 = DataOf<typeof DirectPaymentReported>;

/**
 * A payment the debtor made before the agency took the account over (a migration import,
 * docs/client-intake.md). Payments posts it under `paymentId` as of `paidOn`: allocated,
 * and charged commission by the client's plan in force that day and the account's age at
 * its original placement. The message's `effective-at` header carries the same day.
 */
export const MigratedPaymentImported = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'MigratedPaymentImported.v1',
  summary: 'A payment made before a migration import; payments posts it as of the day it was paid.',
  consumers: ['payments'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    paymentId: s.string(),
    /** Minor units. */
    amount: s.int(),
    currency: s.currency(),
    method: s.enum(['ach', 'card', 'check', 'wire', 'cash'] as const),
    /** The day the debtor paid: the payment's business date. */
    paidOn: s.date(),
    /** When the import recorded it. */
    importedAt: s.instant(),
  }),
});
export type MigratedPaymentImportedV1 = DataOf<typeof MigratedPaymentImported>;
