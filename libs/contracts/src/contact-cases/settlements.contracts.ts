import { contract, DataOf } from '../contract';
import { s } from '../schema';
import { INTAKE_ACCOUNTS } from '../intake-accounts/intake-accounts.contracts';
import { CONTACT_CASES } from './contact-cases.contracts';

/**
 * Settlements (docs/debtor-contact.md, "Settlements"): debtor contact offers the debtor
 * less than the balance; within the client's settlement authority it stands at once,
 * beyond it a supervisor and then the client approve. Paid, the rest is written off and
 * the account closes as `settled`.
 */
export const SettlementOffered = contract({
  topic: CONTACT_CASES,
  type: 'SettlementOffered.v1',
  summary: "A settlement was offered on the account: the amount, the share of the balance it is, and whether it is within the client's settlement authority.",
  consumers: [],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    settlementId: s.string(),
    /** Minor units: what the debtor pays to settle. */
    amount: s.int(),
    currency: s.currency(),
    /** Minor units: the balance the offer was figured on. */
    balance: s.int(),
    /** The amount as a share of the balance, basis points rounded down. */
    shareBp: s.int(),
    /** The client's settlement authority in force (the lowest share the agency may accept alone); null when no agreement was heard. */
    authorityBp: s.nullable(s.int()),
    withinAuthority: s.boolean(),
    offeredBy: s.string(),
    offeredAt: s.instant(),
  }),
});
export type SettlementOfferedV1 = DataOf<typeof SettlementOffered>;

/** A supervisor approved a settlement beyond authority: the owning client is asked through its API. */
export const SettlementAwaitingClient = contract({
  topic: CONTACT_CASES,
  type: 'SettlementAwaitingClient.v1',
  summary: "A settlement beyond the client's authority, approved by a supervisor, waits for the client's approval (POST /accounts/{accountId}/settlements/{settlementId}/approve).",
  consumers: ['client-intake'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    settlementId: s.string(),
    amount: s.int(),
    currency: s.currency(),
    balance: s.int(),
    shareBp: s.int(),
    authorityBp: s.nullable(s.int()),
    approvedBySupervisor: s.string(),
    requestedAt: s.instant(),
  }),
});
export type SettlementAwaitingClientV1 = DataOf<typeof SettlementAwaitingClient>;

/** The client approved or declined a settlement that waited for it. */
export const SettlementDecidedByClient = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'SettlementDecidedByClient.v1',
  summary: 'The owning client approved or declined a settlement beyond its authority.',
  consumers: ['debtor-contact'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    settlementId: s.string(),
    decision: s.enum(['approved', 'declined'] as const),
    reason: s.nullable(s.string()),
    decidedAt: s.instant(),
  }),
});
export type SettlementDecidedByClientV1 = DataOf<typeof SettlementDecidedByClient>;

/** How a settlement ended without being paid. */
export const SettlementDeclined = contract({
  topic: CONTACT_CASES,
  type: 'SettlementDeclined.v1',
  summary: 'A settlement offered on the account was declined, by a supervisor or by the client; collection goes on for the whole balance.',
  consumers: [],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    settlementId: s.string(),
    /** `lapsed`: the account closed and reopened while it was in play, and a new offer ended it. */
    declinedBy: s.enum(['supervisor', 'client', 'lapsed'] as const),
    reason: s.nullable(s.string()),
    declinedAt: s.instant(),
  }),
});
export type SettlementDeclinedV1 = DataOf<typeof SettlementDeclined>;

/** An approved settlement is paid: intake writes the rest off and closes the account as `settled`. */
export const SettlementPaid = contract({
  topic: CONTACT_CASES,
  type: 'SettlementPaid.v1',
  summary: 'An approved settlement has been paid: the rest of the balance is to be written off and the account closed as settled.',
  consumers: ['client-intake'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    settlementId: s.string(),
    /** Minor units: the settlement amount, and what was paid toward it. */
    amount: s.int(),
    paid: s.int(),
    currency: s.currency(),
    /** Minor units: the balance left after the payments, to be written off. */
    writeOff: s.int(),
    paidAt: s.instant(),
  }),
});
export type SettlementPaidV1 = DataOf<typeof SettlementPaid>;
