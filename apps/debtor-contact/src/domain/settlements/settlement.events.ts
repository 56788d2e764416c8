import type { DomainEvent } from '@lib/es-core';

/** Offered on the account: the amount, the balance it was figured on, and how it stands against the client's authority. */
export type SettlementOffered = DomainEvent<
  'SettlementOffered',
  {
    accountId: string;
    clientId: string;
    settlementId: string;
    /** Minor units. */
    amount: number;
    currency: string;
    /** Minor units: the balance as debtor contact last heard it from payments (the placed amount before any). */
    balance: number;
    /** The amount as a share of the balance, basis points rounded down. */
    shareBp: number;
    /** The client's settlement authority in force; null when no agreement of the client was heard. */
    authorityBp: number | null;
    withinAuthority: boolean;
    offeredBy: string;
    offeredAt: string;
  }
>;

/** A supervisor approved a settlement beyond authority; it now waits for the client. The offer's figures travel with it, for the client's message. */
export type SettlementApprovedBySupervisor = DomainEvent<
  'SettlementApprovedBySupervisor',
  { accountId: string; clientId: string; settlementId: string; amount: number; currency: string; balance: number; shareBp: number; authorityBp: number | null; supervisorId: string; approvedAt: string }
>;

/** The settlement stands: within authority at once, or once the client approved it. */
export type SettlementApproved = DomainEvent<'SettlementApproved', { accountId: string; clientId: string; settlementId: string; approvedBy: 'authority' | 'client'; approvedAt: string }>;

export type SettlementDeclined = DomainEvent<
  'SettlementDeclined',
  /** `lapsed`: the account closed and reopened while it was in play; the next offer ends it. */
  { accountId: string; clientId: string; settlementId: string; declinedBy: 'supervisor' | 'client' | 'lapsed'; declinerId: string; reason: string | null; declinedAt: string }
>;

/** What payments last said the account owes (after a payment or a change of the open balance). */
export type AccountBalanceHeard = DomainEvent<'AccountBalanceHeard', { accountId: string; sourceId: string; balance: number; heardAt: string }>;

/** A payment posted since the offer counts toward the settlement. */
export type SettlementPaymentCounted = DomainEvent<'SettlementPaymentCounted', { accountId: string; settlementId: string; paymentId: string; amount: number; postedAt: string }>;

/** The approved settlement is paid: the rest of the balance is to be written off and the account closed as settled. */
export type SettlementPaid = DomainEvent<
  'SettlementPaid',
  { accountId: string; clientId: string; settlementId: string; amount: number; paid: number; currency: string; writeOff: number; paidAt: string }
>;

/**
 * A payment that counted toward the settlement was reversed (it bounced): it no longer
 * counts. `wasPaid`: the settlement had been paid with it, and is approved again, waiting
 * for what is still owed of its amount (intake reopens the account it had closed settled).
 */
export type SettlementPaymentReversed = DomainEvent<
  'SettlementPaymentReversed',
  { accountId: string; settlementId: string; paymentId: string; amount: number; wasPaid: boolean; reversedAt: string }
>;

export type SettlementEvent =
  | SettlementOffered
  | SettlementApprovedBySupervisor
  | SettlementApproved
  | SettlementDeclined
  | AccountBalanceHeard
  | SettlementPaymentCounted
  | SettlementPaid
  | SettlementPaymentReversed;

/** Heard from client intake: one version of a client's agreement, as far as settlements need it. */
export type SettlementAuthorityNoted = DomainEvent<'SettlementAuthorityNoted', { clientId: string; version: number; effectiveFrom: string; settlementAuthorityBp: number }>;
