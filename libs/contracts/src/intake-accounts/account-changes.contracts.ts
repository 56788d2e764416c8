import { contract, DataOf } from '../contract';
import { s } from '../schema';
import { PAYMENTS_LEDGER } from '../payments-ledger/payments-ledger.contracts';
import { INTAKE_ACCOUNTS, invoiceSchema, publishedDebtorSchema } from './intake-accounts.contracts';

/** The role of who changed the account: `client`, or the staff role (a staff member's id stays in intake's history). */
const changedBy = s.string();

/**
 * The client (or staff for it) added an invoice of the same debtor to a placed account.
 * Payments opens it as a new open item of the ledger; reports count it as placed.
 */
export const InvoiceAdded = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'InvoiceAdded.v1',
  summary: 'An invoice was added to a placed account: payments opens it as a new open item.',
  consumers: ['payments', 'reporting'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    invoice: invoiceSchema,
    addedBy: changedBy,
    addedAt: s.instant(),
  }),
});
export type InvoiceAddedV1 = DataOf<typeof InvoiceAdded>;

/**
 * What the debtor owes changed, with its reason. `amount` is signed minor units: positive
 * adds to the balance, negative takes off it; intake never lets it take the balance below
 * what the debtor has paid (docs/client-intake.md, "Balance adjustments"). Reports follow
 * the ledger's balance after it (OpenBalanceChanged.v1), not this message.
 */
/** Adjustments whose cause a consumer must tell apart from the others. */
export const BALANCE_ADJUSTMENT_KINDS = ['settlement-write-off', 'write-off'] as const;
export type BalanceAdjustmentKind = (typeof BALANCE_ADJUSTMENT_KINDS)[number];

export const BalanceAdjusted = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'BalanceAdjusted.v1',
  summary: 'The balance of a placed account was adjusted up or down, with a reason: payments changes the open balance by it.',
  consumers: ['payments'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    adjustmentId: s.string(),
    /** Signed minor units of `currency`. */
    amount: s.int(),
    currency: s.currency(),
    reason: s.string(),
    adjustedBy: changedBy,
    adjustedAt: s.instant(),
    /**
     * `settlement-write-off`: the rest of the balance written off once a settlement was paid
     * (the account closes `settled`, not paid in full). Absent: any other adjustment.
     */
    kind: s.optional(s.enum(BALANCE_ADJUSTMENT_KINDS)),
  }),
});
export type BalanceAdjustedV1 = DataOf<typeof BalanceAdjusted>;

/**
 * The debtor's data after an update, whole: a consumer replaces what it held (contacts
 * included, with their consent and do-not-contact flags). `changed` names the fields the
 * update changed.
 */
export const DebtorUpdated = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'DebtorUpdated.v1',
  summary: "The debtor's name, tax id, addresses, phones or emails changed: the whole debtor after it, for consumers to replace what they held.",
  consumers: ['debtor-contact'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    debtor: publishedDebtorSchema,
    changed: s.array(s.string()),
    updatedBy: changedBy,
    updatedAt: s.instant(),
  }),
});
export type DebtorUpdatedV1 = DataOf<typeof DebtorUpdated>;
export type PublishedDebtorV1 = DebtorUpdatedV1['debtor'];

/**
 * The ledger's open balance changed without a payment: an invoice added or a balance
 * adjusted by the client. `balanceAfter` is the ledger's, in order with the balances of
 * PaymentPosted and PaymentReversed on the same partition, so a reader keeps the balance
 * from either.
 */
export const OpenBalanceChanged = contract({
  topic: PAYMENTS_LEDGER,
  type: 'OpenBalanceChanged.v1',
  summary: "The ledger's open balance changed by an added invoice or a balance adjustment: the change, its reason and the balance after it.",
  consumers: ['reporting', 'debtor-contact'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    cause: s.enum(['invoice-added', 'balance-adjusted'] as const),
    /** The invoice number, or the adjustment id. */
    causeId: s.string(),
    /** Signed minor units: what the balance changed by. */
    amount: s.int(),
    currency: s.currency(),
    /** The adjustment's reason; null for an added invoice. */
    reason: s.nullable(s.string()),
    balanceAfter: s.int(),
    changedAt: s.instant(),
  }),
});
export type OpenBalanceChangedV1 = DataOf<typeof OpenBalanceChanged>;
