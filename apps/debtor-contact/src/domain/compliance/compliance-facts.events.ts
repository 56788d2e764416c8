import type { DomainEvent } from '@lib/es-core';

export const CEASE_MODES = ['all-channels', 'written-only'] as const;
/**
 * What the debtor asked to stop: `all-channels` (no outbound contact of any kind), or
 * `written-only` (contact in writing only: no calls; letters, emails and texts remain).
 */
export type CeaseMode = (typeof CEASE_MODES)[number];

/** The debtor asked the agency to stop contacting them (all channels, or anything but writing). */
export type CeaseRequestRecorded = DomainEvent<
  'CeaseRequestRecorded',
  { accountId: string; clientId: string; mode: CeaseMode; receivedOn: string; recordedBy: string; recordedAt: string }
>;

export interface AttorneyOfRecord {
  name: string;
  firm?: string;
  phone?: string;
  email?: string;
}

/** The debtor is represented by an attorney about this debt: contact goes to the attorney, not the debtor. */
export type AttorneyRepresentationRecorded = DomainEvent<
  'AttorneyRepresentationRecorded',
  { accountId: string; clientId: string; attorney: AttorneyOfRecord; recordedBy: string; recordedAt: string }
>;

/** Legal referral found the debt past its statute of limitations (AccountTimeBarred.v1): no suit may be threatened. */
export type CaseTimeBarred = DomainEvent<
  'CaseTimeBarred',
  { accountId: string; clientId: string; jurisdiction: string; expiredOn: string; citation: string; reason: string; noticedAt: string }
>;

export type ComplianceFactEvent = CeaseRequestRecorded | AttorneyRepresentationRecorded | CaseTimeBarred;
