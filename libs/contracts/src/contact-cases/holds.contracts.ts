import { contract, DataOf } from '../contract';
import { s } from '../schema';
import { CONTACT_CASES } from './contact-cases.contracts';

/** Every kind of hold: collection on the account pauses while one is in force. */
export const HOLD_KINDS = ['client-hold', 'dispute', 'bankruptcy', 'deceased', 'skip'] as const;

const bankruptcyFiling = s.object({ chapter: s.int(), caseNumber: s.string(), filedOn: s.date() });

export const AccountHoldPlaced = contract({
  topic: CONTACT_CASES,
  type: 'AccountHoldPlaced.v1',
  summary: 'Collection on the account pauses: a client hold, a dispute (of the whole account or of listed invoices), a bankruptcy stay, a deceased debtor or skip.',
  consumers: ['legal-referral', 'debtor-contact'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    holdId: s.string(),
    kind: s.enum(HOLD_KINDS),
    reason: s.string(),
    /** Null: until lifted. */
    endsAt: s.nullable(s.instant()),
    placedAt: s.instant(),
    disputeId: s.optional(s.string()),
    invoices: s.optional(s.array(s.string())),
    bankruptcy: s.optional(bankruptcyFiling),
  }),
});
export type AccountHoldPlacedV1 = DataOf<typeof AccountHoldPlaced>;

export const AccountHoldLifted = contract({
  topic: CONTACT_CASES,
  type: 'AccountHoldLifted.v1',
  summary: 'A hold no longer pauses collection (lifted by staff, a dispute resolved, new contact data found for a skip).',
  consumers: ['legal-referral', 'debtor-contact'],
  schema: s.object({ accountId: s.string(), clientId: s.string(), holdId: s.string(), kind: s.enum(HOLD_KINDS), reason: s.string(), liftedAt: s.instant() }),
});
export type AccountHoldLiftedV1 = DataOf<typeof AccountHoldLifted>;

export const BankruptcyFiled = contract({
  topic: CONTACT_CASES,
  type: 'BankruptcyFiled.v1',
  summary: 'The debtor filed for bankruptcy: the automatic stay holds the account; the client is told with this message.',
  consumers: [],
  schema: s.object({ accountId: s.string(), clientId: s.string(), holdId: s.string(), chapter: s.int(), caseNumber: s.string(), filedOn: s.date(), recordedAt: s.instant() }),
});
export type BankruptcyFiledV1 = DataOf<typeof BankruptcyFiled>;

export const BankruptcyDischarged = contract({
  topic: CONTACT_CASES,
  type: 'BankruptcyDischarged.v1',
  summary: 'The court discharged the debtor: the debt cannot be collected, the account closes as bankrupt.',
  consumers: ['client-intake'],
  schema: s.object({ accountId: s.string(), clientId: s.string(), holdId: s.string(), chapter: s.int(), caseNumber: s.string(), dischargedOn: s.date(), recordedAt: s.instant() }),
});
export type BankruptcyDischargedV1 = DataOf<typeof BankruptcyDischarged>;

const disputedInvoice = s.object({ invoiceNumber: s.string(), amount: s.int() });

export const DisputeOpened = contract({
  topic: CONTACT_CASES,
  type: 'DisputeOpened.v1',
  summary: 'The debtor or the client disputes the whole account (no invoices) or the listed invoices; collection on that part stops.',
  consumers: ['client-intake'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    disputeId: s.string(),
    openedBy: s.enum(['debtor', 'client'] as const),
    invoices: s.array(disputedInvoice),
    amount: s.int(),
    currency: s.currency(),
    reason: s.string(),
    openedAt: s.instant(),
  }),
});
export type DisputeOpenedV1 = DataOf<typeof DisputeOpened>;

export const DisputeDocumentsRequested = contract({
  topic: CONTACT_CASES,
  type: 'DisputeDocumentsRequested.v1',
  summary: 'The client is asked for the documents that show the disputed part is owed (invoices, delivery notes, the contract).',
  consumers: [],
  schema: s.object({ accountId: s.string(), clientId: s.string(), disputeId: s.string(), invoices: s.array(s.string()), reason: s.string(), requestedAt: s.instant() }),
});
export type DisputeDocumentsRequestedV1 = DataOf<typeof DisputeDocumentsRequested>;

export const DisputeResolved = contract({
  topic: CONTACT_CASES,
  type: 'DisputeResolved.v1',
  summary: 'A dispute was resolved: upheld (amount, in minor units, to come off the balance) or rejected (amount 0, collection resumes).',
  consumers: ['client-intake'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    disputeId: s.string(),
    outcome: s.enum(['upheld', 'rejected'] as const),
    amount: s.int(),
    currency: s.currency(),
    evidence: s.string(),
    resolvedAt: s.instant(),
  }),
});
export type DisputeResolvedV1 = DataOf<typeof DisputeResolved>;
