import type { DomainEvent } from '@lib/es-core';
import type { AgreementTerms } from './agreement-terms';

/** The agency's default agreement a client is onboarded with; negotiated terms come as `AgreementVersionSet`. */
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

/**
 * A negotiated agreement version, numbered from 1 per client, in force from `effectiveFrom`
 * until the next version's. Never edited: a change is the next version, effective later.
 */
export type AgreementVersionSet = DomainEvent<'AgreementVersionSet', { clientId: string; version: number; effectiveFrom: string; recordedAt: string; terms: AgreementTerms }>;

export type ClientEvent = ClientOnboarded | ApiKeyIssued | ApiKeyRevoked | AgreementVersionSet;
