/** What the offer needs of the account's contact case. */
export interface CaseForSettlement {
  status: 'none' | 'open' | 'closed';
  clientId: string;
  currency: string;
  /** Minor units: the balance before payments heard of any. */
  placedAmount: number;
  /** The case's latest reopening, if any: a settlement offered before it lapsed with the closing. */
  reopenedAt?: string;
}

/** Exactly one of `amount` and `shareBp` (the request's DTO checks it; the decider checks the figures). */
export interface OfferSettlement {
  type: 'OfferSettlement';
  accountId: string;
  settlementId: string;
  amount?: number;
  shareBp?: number;
  currency: string;
  offeredBy: string;
  contactCase: CaseForSettlement;
  /** The client's authority in force now; null when none is known. */
  authorityBp: number | null;
  now: Date;
}

export interface DecideSettlementAsSupervisor {
  type: 'DecideSettlementAsSupervisor';
  settlementId: string;
  decision: 'approved' | 'declined';
  supervisorId: string;
  reason: string | null;
  now: Date;
}

/** The owning client's answer, heard from client intake. */
export interface DecideSettlementAsClient {
  type: 'DecideSettlementAsClient';
  settlementId: string;
  clientId: string;
  decision: 'approved' | 'declined';
  reason: string | null;
  decidedAt: string;
}

/** Payments posted a payment; `balanceAfter` is what the account owes after it. */
export interface NoteSettlementPayment {
  type: 'NoteSettlementPayment';
  accountId: string;
  paymentId: string;
  amount: number;
  balanceAfter: number;
  postedAt: string;
}

/** Payments changed the open balance otherwise (an added invoice, an adjustment). */
export interface NoteAccountBalance {
  type: 'NoteAccountBalance';
  accountId: string;
  causeId: string;
  balanceAfter: number;
  changedAt: string;
}

/** Payments reversed a payment; `balanceAfter` is what the account owes after the reversal. */
export interface NoteSettlementPaymentReversal {
  type: 'NoteSettlementPaymentReversal';
  accountId: string;
  paymentId: string;
  balanceAfter: number;
  reversedAt: string;
}

export type SettlementCommand = OfferSettlement | DecideSettlementAsSupervisor | DecideSettlementAsClient | NoteSettlementPayment | NoteAccountBalance | NoteSettlementPaymentReversal;

export interface NoteSettlementAuthority {
  type: 'NoteSettlementAuthority';
  clientId: string;
  version: number;
  effectiveFrom: string;
  settlementAuthorityBp: number;
}
