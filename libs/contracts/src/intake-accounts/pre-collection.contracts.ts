import { contract, DataOf } from '../contract';
import { s } from '../schema';
import { INTAKE_ACCOUNTS, invoiceSchema, publishedDebtorSchema } from './intake-accounts.contracts';

/**
 * A pre-collection reminder went to the debtor in the client's name (first-party: the
 * agency is not named). `day` is the reminder's day from placement, as the agreement set it.
 */
export const PreCollectionReminderSent = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'PreCollectionReminderSent.v1',
  summary: "A pre-collection reminder went to the debtor in the client's name, on its day of the window.",
  consumers: ['reporting'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    day: s.int(),
    sentAt: s.instant(),
  }),
});
export type PreCollectionReminderSentV1 = DataOf<typeof PreCollectionReminderSent>;

/**
 * The pre-collection window ended with a balance: the account is a third-party collection
 * account from `convertedAt` (the window's end, its business date). Consumers start what
 * a third-party placement starts: the first notice, the legal review clock, the plan's
 * commission. It carries the placement's debtor so debtor contact can open its case.
 */
export const ConvertedToThirdParty = contract({
  topic: INTAKE_ACCOUNTS,
  type: 'ConvertedToThirdParty.v1',
  summary: 'A pre-collection account unpaid at its window end became a third-party collection account (notices, legal review clock, commission from then on).',
  consumers: ['debtor-contact', 'payments', 'legal-referral', 'reporting'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    commercial: s.boolean(),
    currency: s.currency(),
    placedAmount: s.int(),
    /** What the debtor owed at conversion, minor units, as intake last heard it from payments. */
    balance: s.int(),
    invoiceDueDates: s.array(s.date()),
    /** The placement's reference and invoices: debtor contact's first notice itemizes them. Optional: absent on conversions recorded before they were carried. */
    clientReference: s.optional(s.string()),
    invoices: s.optional(s.array(invoiceSchema)),
    debtor: publishedDebtorSchema,
    convertedAt: s.instant(),
  }),
});
export type ConvertedToThirdPartyV1 = DataOf<typeof ConvertedToThirdParty>;
