import type { DomainEvent } from '@lib/es-core';

/** Debtor contact asks the client to approve a settlement beyond its authority (SettlementAwaitingClient.v1). */
export type SettlementAwaitingClientNoted = DomainEvent<
  'SettlementAwaitingClientNoted',
  { accountId: string; clientId: string; settlementId: string; amount: number; currency: string; balance: number; shareBp: number; authorityBp: number | null; requestedAt: string }
>;

/** The client answered through its API. */
export type SettlementDecidedByClient = DomainEvent<
  'SettlementDecidedByClient',
  { accountId: string; clientId: string; settlementId: string; decision: 'approved' | 'declined'; reason: string | null; decidedAt: string }
>;

export type ClientSettlementEvent = SettlementAwaitingClientNoted | SettlementDecidedByClient;
