import type { DomainEvent } from '@lib/es-core';
import type { ClaimType, Tolling } from './limitation-period';

/** Legal recorded a signed written acknowledgement of the debt by the debtor: it restarts the period where the state says so. */
export type DebtAcknowledged = DomainEvent<
  'DebtAcknowledged',
  { accountId: string; acknowledgementId: string; /** `YYYY-MM-DD`, the day the debtor signed. */ acknowledgedOn: string; description: string; recordedAt: string }
>;

/** The clock stopped (today: a bankruptcy stay, recorded by legal staff); `endsOn` null while it still stands still. */
export type SolTolled = DomainEvent<'SolTolled', Tolling & { accountId: string; note: string; recordedAt: string }>;

/** A tolling that stood open ended: the clock runs again from `endsOn`. */
export type SolTollingEnded = DomainEvent<'SolTollingEnded', { accountId: string; tollingId: string; endsOn: string; recordedAt: string }>;

/**
 * A review found the account barred: it is never referred, and intake closes it as
 * `time-barred` (AccountTimeBarred.v1). Recorded once per expiry date.
 */
export type StatuteOfLimitationsRanOut = DomainEvent<
  'StatuteOfLimitationsRanOut',
  { accountId: string; clientId: string; jurisdiction: string; claimType: ClaimType; expiresOn: string; citation: string; reason: string; noticedAt: string }
>;

export type LimitationsEvent = DebtAcknowledged | SolTolled | SolTollingEnded | StatuteOfLimitationsRanOut;

/** What the case keeps for its statute of limitations, folded from the events above and the opening. */
export interface LimitationsRecord {
  claimType: ClaimType;
  acknowledgements: { acknowledgementId: string; acknowledgedOn: string; description: string }[];
  tollings: (Tolling & { note: string })[];
  /** The expiry a review last found passed (StatuteOfLimitationsRanOut), so it is recorded once. */
  ranOutOn: string | null;
}

export function evolveLimitations(record: LimitationsRecord, event: LimitationsEvent): LimitationsRecord {
  switch (event.type) {
    case 'DebtAcknowledged': {
      const { acknowledgementId, acknowledgedOn, description } = event.data;
      return { ...record, acknowledgements: [...record.acknowledgements, { acknowledgementId, acknowledgedOn, description }] };
    }
    case 'SolTolled': {
      const { tollingId, reason, startsOn, endsOn, note } = event.data;
      return { ...record, tollings: [...record.tollings, { tollingId, reason, startsOn, endsOn, note }] };
    }
    case 'SolTollingEnded':
      return { ...record, tollings: record.tollings.map((t) => (t.tollingId === event.data.tollingId ? { ...t, endsOn: event.data.endsOn } : t)) };
    case 'StatuteOfLimitationsRanOut':
      return { ...record, ranOutOn: event.data.expiresOn };
  }
}

export const LIMITATIONS_EVENT_TYPES: ReadonlySet<string> = new Set<LimitationsEvent['type']>(['DebtAcknowledged', 'SolTolled', 'SolTollingEnded', 'StatuteOfLimitationsRanOut']);
