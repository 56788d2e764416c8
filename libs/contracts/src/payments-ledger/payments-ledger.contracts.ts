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

const paymentPostedV2Fields = {
  ...paymentPostedV1Fields,
  /** Null only when upcast from a v1 message. */
  method: s.nullable(s.enum(PAYMENT_METHODS)),
  /** The rate the commission was charged at, basis points; null only when upcast from a v1 message. */
  commissionRateBp: s.nullable(s.int()),
  /** True on a payment posted while the account was in pre-collection: no contingency commission (0), the flat fee covers it. */
  preCollection: s.optional(s.boolean()),
};

/** Which rate plan of the client's agreement the commission came from. */
const planStamp = s.object({ planId: s.string(), agreementVersion: s.int(), tierId: s.string() });

/**
 * A payment as payments posts it. v3 adds what the ledger stamps on it: whether the client
 * reported it (`direct`: the debtor paid the client, the commission is owed by the client),
 * the rate plan the commission came from (`plan`, null when no plan covered it and the
 * rate fixed at placement was charged) and when the funds clear (`clearsAt`). In a v2 or
 * v1 message upcast on arrival all three are null: an older message does not carry them
 * (a direct payment was published as v2 like any other), so "not known" is the honest value.
 */
export const PaymentPostedV3 = contract({
  topic: PAYMENTS_LEDGER,
  type: 'PaymentPosted.v3',
  summary: 'A payment was posted: its allocation, commission, rate and rate plan, credit, method, whether the client reported it (direct), when its funds clear, and the balance after it.',
  consumers: ['client-intake', 'legal-referral', 'reporting', 'debtor-contact'],
  schema: s.object({
    ...paymentPostedV2Fields,
    /** True: the debtor paid the client, who reported it (no money in trust, commission owed by the client). Null only when upcast. */
    direct: s.nullable(s.boolean()),
    /** The plan, agreement version and tier the commission was charged under; null when none covered it, or when upcast. */
    plan: s.nullable(planStamp),
    /** When the funds clear (the posting instant for a direct payment); null on payments posted before holds were kept (cleared), or when upcast. */
    clearsAt: s.nullable(s.instant()),
  }),
});
export type PaymentPostedV3 = DataOf<typeof PaymentPostedV3>;

/**
 * A payment as payments posted it until v3. v2 added how it was paid and the commission
 * rate it was charged at. Both are null only in a v1 message upcast on arrival: a v1
 * message does not carry them and they cannot be recovered from it (the rate is not
 * `commission / applied`: the commission is rounded), so "not known" is the honest value.
 */
export const PaymentPostedV2 = superseded(
  contract({
    topic: PAYMENTS_LEDGER,
    type: 'PaymentPosted.v2',
    summary: 'Superseded by PaymentPosted.v3 (no direct flag, plan stamp or clearing date); still on the topic, upcast on arrival.',
    consumers: ['client-intake', 'legal-referral', 'reporting', 'debtor-contact'],
    schema: s.object(paymentPostedV2Fields),
  }),
  PaymentPostedV3,
  (v2): PaymentPostedV3 => ({ ...v2, direct: null, plan: null, clearsAt: null }),
);
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
export const PaymentPosted = PaymentPostedV3;

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
  consumers: ['reporting'],
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

/**
 * An over-payment's credit refunded to the payer by an accountant: the money leaves trust
 * and the credit is no longer owed. Published for the trust ledger's readers.
 */
export const CreditRefunded = contract({
  topic: PAYMENTS_LEDGER,
  type: 'CreditRefunded.v1',
  summary: "An over-payment's credit was refunded to the payer out of trust, with the credit still owed after it.",
  consumers: ['reporting'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    refundId: s.string(),
    amount: s.int(),
    currency: s.currency(),
    creditOwedAfter: s.int(),
    refundedAt: s.instant(),
  }),
});
export type CreditRefundedV1 = DataOf<typeof CreditRefunded>;

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
  consumers: ['reporting'],
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
