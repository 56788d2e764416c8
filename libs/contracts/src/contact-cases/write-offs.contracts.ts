import { contract, DataOf } from '../contract';
import { s } from '../schema';
import { CONTACT_CASES } from './contact-cases.contracts';

/** Why a write-off is asked for (docs/debtor-contact.md, "Write-offs"). */
export const WRITE_OFF_REASONS = ['uncollectible', 'small-balance', 'debtor-deceased', 'statute-expired'] as const;

/**
 * Write-offs (docs/debtor-contact.md, "Write-offs"): a collector or supervisor asks to write
 * off the account's remaining balance, or part of it; a supervisor approves or declines it
 * on the approval queue. Approved, intake adjusts the balance (payments follows), and a
 * write-off of the whole balance closes the account `written-off`.
 */
export const WriteOffRequested = contract({
  topic: CONTACT_CASES,
  type: 'WriteOffRequested.v1',
  summary: 'A write-off of the remaining balance (or part of it) was asked for and waits on the approval queue.',
  consumers: [],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    writeOffId: s.string(),
    /** Minor units asked for; null: the whole remaining balance, whatever it is at approval. */
    amount: s.nullable(s.int()),
    currency: s.currency(),
    /** Minor units: the balance when it was asked for. */
    balance: s.int(),
    reason: s.enum(WRITE_OFF_REASONS),
    note: s.nullable(s.string()),
    requestedBy: s.string(),
    requestedAt: s.instant(),
  }),
});
export type WriteOffRequestedV1 = DataOf<typeof WriteOffRequested>;

/** A supervisor approved a write-off: intake takes it off the balance (a full one closes the account `written-off`). */
export const WriteOffApproved = contract({
  topic: CONTACT_CASES,
  type: 'WriteOffApproved.v1',
  summary: 'A supervisor approved a write-off: the balance is adjusted down by it, and a write-off of the whole balance closes the account as written-off.',
  consumers: ['client-intake'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    writeOffId: s.string(),
    /** Minor units to write off: the amount asked for, at most the balance known at approval. */
    writeOff: s.int(),
    /** The whole remaining balance: intake writes off what it knows is owed and closes the account. */
    full: s.boolean(),
    currency: s.currency(),
    reason: s.enum(WRITE_OFF_REASONS),
    approvedBy: s.string(),
    approvedAt: s.instant(),
  }),
});
export type WriteOffApprovedV1 = DataOf<typeof WriteOffApproved>;

/** A supervisor declined a write-off: collection goes on for the whole balance. */
export const WriteOffDeclined = contract({
  topic: CONTACT_CASES,
  type: 'WriteOffDeclined.v1',
  summary: 'A supervisor declined a write-off; collection goes on for the whole balance.',
  consumers: [],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    writeOffId: s.string(),
    declinedBy: s.string(),
    reason: s.nullable(s.string()),
    declinedAt: s.instant(),
  }),
});
export type WriteOffDeclinedV1 = DataOf<typeof WriteOffDeclined>;
