import type { DomainEvent } from '@lib/es-core';

/** Why collection pauses: every kind of hold the business rules name. */
export const HOLD_KINDS = ['client-hold', 'dispute', 'bankruptcy', 'deceased', 'skip'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

/** The kinds staff place directly; a dispute hold comes with its dispute, a skip hold with its evidence. */
export const PLACEABLE_HOLD_KINDS = ['client-hold', 'bankruptcy', 'deceased'] as const;
export type PlaceableHoldKind = (typeof PLACEABLE_HOLD_KINDS)[number];

export const BANKRUPTCY_CHAPTERS = [7, 9, 11, 12, 13, 15] as const;
export type BankruptcyChapter = (typeof BANKRUPTCY_CHAPTERS)[number];

/** The filing a bankruptcy hold stands for: the automatic stay runs from `filedOn`. */
export interface BankruptcyFiling {
  chapter: BankruptcyChapter;
  caseNumber: string;
  /** YYYY-MM-DD. */
  filedOn: string;
}

/** What put an account in skip: a number that reached someone else, or mail that came back. */
export const SKIP_EVIDENCE = ['wrong-number', 'returned-mail'] as const;
export type SkipEvidence = (typeof SKIP_EVIDENCE)[number];

/**
 * Collection on the account pauses. `endsAt` (or null: until lifted) is when the hold
 * stops on its own; the rules read it against the contact's time. A dispute hold names its
 * dispute (and, for a part of the debt, the invoices), a bankruptcy hold its filing, a
 * skip hold its evidence.
 */
export type AccountHoldPlaced = DomainEvent<
  'AccountHoldPlaced',
  {
    accountId: string;
    clientId: string;
    holdId: string;
    kind: HoldKind;
    reason: string;
    endsAt: string | null;
    placedAt: string;
    disputeId?: string;
    /** A dispute on listed invoices: only those are held. */
    invoices?: string[];
    bankruptcy?: BankruptcyFiling;
    skip?: { evidence: SkipEvidence; detail: string };
  }
>;

/** The hold no longer pauses collection: lifted by staff, by its process (a dispute resolved, contact data found). */
export type AccountHoldLifted = DomainEvent<'AccountHoldLifted', { accountId: string; clientId: string; holdId: string; kind: HoldKind; reason: string; liftedAt: string }>;

/** The court discharged the debtor: the debt is gone, the account closes as bankrupt (through intake). */
export type BankruptcyDischarged = DomainEvent<
  'BankruptcyDischarged',
  { accountId: string; clientId: string; holdId: string; chapter: BankruptcyChapter; caseNumber: string; dischargedOn: string; recordedAt: string }
>;

export interface FoundPhone {
  number: string;
  consent: boolean;
}

/** Skip tracing found new ways to reach the debtor; `source` says where from (a bureau, the client, the debtor). */
export type ContactDataFound = DomainEvent<
  'ContactDataFound',
  {
    accountId: string;
    clientId: string;
    source: string;
    phones: FoundPhone[];
    emails: string[];
    addresses: { lines: string[]; city: string; region?: string; postalCode?: string; country: string }[];
    foundAt: string;
  }
>;

export type HoldEvent = AccountHoldPlaced | AccountHoldLifted | BankruptcyDischarged | ContactDataFound;
