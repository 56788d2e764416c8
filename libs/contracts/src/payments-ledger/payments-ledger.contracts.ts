import { contract, DataOf, superseded } from '../contract';
import { s } from '../schema';

/** Published by payments, keyed by account id. */
export const PAYMENTS_LEDGER = 'payments.ledger';

/** `attorney`: collected by the receiving attorney, sent on from the attorney's trust account. */
export const PAYMENT_METHODS = ['ach', 'card', 'check', 'wire', 'cash', 'attorney'] as const;

const allocation = s.object({ invoiceNumber: s.string(), amount: s.int() });

const paymentPostedV1Fields = {
  accountId: s.string(),
  clientId: s.string(),
  paymentId: s.string(),
  amount: s.int(),
  currency: s.currency(),
  allocations: s.array(allocation),
  commission: s.int(),
  /** Over-payment owed back to the payer, minor units. */
  credit: s.int(),
  balanceAfter: s.int(),
  postedAt: s.instant(),
};

/**
 * A payment as payments posts it. v2 adds how it was paid and the commission rate it was
 * charged at. Both are null only in a v1 message upcast on arrival: a v1 message does not
 * carry them and they cannot be recovered from it (the rate is not `commission / applied`:
 * the commission is rounded), so "not known" is the honest value.
 */
export const PaymentPostedV2 = contract({
  topic: PAYMENTS_LEDGER,
  type: 'PaymentPosted.v2',
  summary: 'A payment was posted: its allocation to invoices, commission and rate, credit, method and the balance after it.',
  consumers: ['client-intake', 'legal-referral', 'reporting', 'debtor-contact'],
  schema: s.object({
    ...paymentPostedV1Fields,
    /** Null only when upcast from a v1 message. */
    method: s.nullable(s.enum(PAYMENT_METHODS)),
    /** The rate the commission was charged at, basis points; null only when upcast from a v1 message. */
    commissionRateBp: s.nullable(s.int()),
    /** True on a payment posted while the account was in pre-collection: no contingency commission (0), the flat fee covers it. */
    preCollection: s.optional(s.boolean()),
  }),
});
export type PaymentPostedV2 = DataOf<typeof PaymentPostedV2>;

export const PaymentPostedV1 = superseded(
  contract({
    topic: PAYMENTS_LEDGER,
    type: 'PaymentPosted.v1',
    summary: 'Superseded by PaymentPosted.v2 (no method, no rate); still on the topic, upcast on arrival.',
    consumers: ['client-intake', 'legal-referral', 'reporting', 'debtor-contact'],
    schema: s.object(paymentPostedV1Fields),
  }),
  PaymentPostedV2,
  (v1): PaymentPostedV2 => ({ ...v1, method: null, commissionRateBp: null }),
);
export type PaymentPostedV1 = DataOf<typeof PaymentPostedV1>;

/** The version payments publishes and consumers handle. */
export const PaymentPosted = PaymentPostedV2;

const paymentReversedV1Fields = {
  accountId: s.string(),
  clientId: s.string(),
  paymentId: s.string(),
  amount: s.int(),
  currency: s.currency(),
  commission: s.int(),
  reason: s.string(),
  balanceAfter: s.int(),
  reversedAt: s.instant(),
};

/**
 * A bounced payment came off the ledger. v2 adds what came off with it: the allocations
 * restored to the invoices and the credit no longer owed back. Both are null only in a v1
 * message upcast on arrival (a v1 message does not carry them).
 */
export const PaymentReversedV2 = contract({
  topic: PAYMENTS_LEDGER,
  type: 'PaymentReversed.v2',
  summary: 'A posted payment was reversed (bounced): the allocations and credit that came off, and the balance after it.',
  consumers: ['client-intake', 'legal-referral', 'reporting', 'debtor-contact'],
  schema: s.object({
    ...paymentReversedV1Fields,
    /** Null only when upcast from a v1 message. */
    allocations: s.nullable(s.array(allocation)),
    /** Null only when upcast from a v1 message. */
    credit: s.nullable(s.int()),
  }),
});
export type PaymentReversedV2 = DataOf<typeof PaymentReversedV2>;

export const PaymentReversedV1 = superseded(
  contract({
    topic: PAYMENTS_LEDGER,
    type: 'PaymentReversed.v1',
    summary: 'Superseded by PaymentReversed.v2 (no allocations, no credit); still on the topic, upcast on arrival.',
    consumers: ['client-intake', 'legal-referral', 'reporting', 'debtor-contact'],
    schema: s.object(paymentReversedV1Fields),
  }),
  PaymentReversedV2,
  (v1): PaymentReversedV2 => ({ ...v1, allocations: null, credit: null }),
);
export type PaymentReversedV1 = DataOf<typeof PaymentReversedV1>;

/** The version payments publishes and consumers handle. */
export const PaymentReversed = PaymentReversedV2;

export const AccountPaidInFull = contract({
  topic: PAYMENTS_LEDGER,
  type: 'AccountPaidInFull.v1',
  summary: 'The balance reached zero (announced once, and again only after a reversal reopened it).',
  consumers: ['client-intake', 'reporting'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    paidAt: s.instant(),
  }),
});
export type AccountPaidInFullV1 = DataOf<typeof AccountPaidInFull>;

/**
 * A posted payment's commission corrected, traced to it and to the cause: a payment posted
 * after the account's forwarding to an attorney, charged before payments heard of the
 * forwarding, recharged at the legal rate. The payment's own message is never re-sent.
 */
export const CommissionCorrected = contract({
  topic: PAYMENTS_LEDGER,
  type: 'CommissionCorrected.v1',
  summary: "A posted payment's commission was corrected (the legal rate from the forwarding's moment), with the difference.",
  consumers: [],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    paymentId: s.string(),
    currency: s.currency(),
    commissionBefore: s.int(),
    commission: s.int(),
    /** commission − commissionBefore, signed. */
    difference: s.int(),
    commissionRateBp: s.int(),
    cause: s.enum(['legal-rate-from-forwarding'] as const),
    /** The moment the new rate applies from (the forwarding). */
    effectiveFrom: s.instant(),
    correctedAt: s.instant(),
  }),
});
export type CommissionCorrectedV1 = DataOf<typeof CommissionCorrected>;

/** The steps of a cost advance (court costs, suit fees), each an event on payments' side. */
export const COST_ADVANCE_STEPS = ['requested', 'received', 'spent', 'recovered', 'refunded'] as const;

/**
 * A step of a cost advance: the client's money for a suit's costs, requested, received
 * into trust, spent, recovered (added to the judgment) or refunded. Never a payment and
 * never commissioned.
 */
export const CostAdvanceStepRecorded = contract({
  topic: PAYMENTS_LEDGER,
  type: 'CostAdvanceStepRecorded.v1',
  summary: 'A cost advance was requested from the client, received into trust, spent, recovered (added to a judgment) or refunded.',
  consumers: [],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    advanceId: s.string(),
    step: s.enum(COST_ADVANCE_STEPS),
    /** The step's amount, minor units: asked, received, spent, recovered or refunded. */
    amount: s.int(),
    currency: s.currency(),
    /** Trust's holding of the advance after the step; null for a request or a recovery, which move no money. */
    heldAfter: s.nullable(s.int()),
    at: s.instant(),
  }),
});
export type CostAdvanceStepRecordedV1 = DataOf<typeof CostAdvanceStepRecorded>;
