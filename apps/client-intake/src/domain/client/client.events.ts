import type { DomainEvent } from '@lib/es-core';

/** A client agreement version; a change appends a new version, never rewrites one. */
export interface Agreement {
  effectiveFrom: string;
  ratePlan: 'default';
  legalRateBp: number;
  remittance: 'net' | 'gross' | 'combined';
  remittancePeriod: 'monthly';
  clearedFundsHoldDays: number;
  settlementAuthorityBp: number;
}

export type ClientOnboarded = DomainEvent<'ClientOnboarded', { clientId: string; name: string; agreement: Agreement }>;
export type ApiKeyIssued = DomainEvent<'ApiKeyIssued', { clientId: string; keyId: string; keyHash: string }>;
export type ApiKeyRevoked = DomainEvent<'ApiKeyRevoked', { clientId: string; keyId: string; reason: string | null; revokedAt: string }>;

export type ClientEvent = ClientOnboarded | ApiKeyIssued | ApiKeyRevoked;
