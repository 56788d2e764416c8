import type { DomainEvent } from '@lib/es-core';

/**
 * Debtor contact placed a hold on the account (a dispute, a bankruptcy stay, a client
 * hold, a deceased debtor, skip), as heard from `AccountHoldPlaced.v1`. The criteria
 * `not-disputed` and `not-bankrupt` read the holds still standing.
 */
export type AccountHoldNoted = DomainEvent<
  'AccountHoldNoted',
  {
    accountId: string;
    holdId: string;
    kind: string;
    reason: string;
    endsAt: string | null;
    placedAt: string;
    disputeId?: string;
    invoices?: string[];
    bankruptcy?: { chapter: number; caseNumber: string; filedOn: string };
  }
>;

/** The hold was lifted (a dispute resolved, a bankruptcy dismissed, ...), as heard from `AccountHoldLifted.v1`. */
export type AccountHoldLiftNoted = DomainEvent<'AccountHoldLiftNoted', { accountId: string; holdId: string; kind: string; reason: string; liftedAt: string }>;

export type HoldNotedEvent = AccountHoldNoted | AccountHoldLiftNoted;

/** A hold as the case keeps it while it stands. */
export type NotedHold = Omit<AccountHoldNoted['data'], 'accountId'>;

/** The holds standing once `event` is folded: a lift removes its hold; a hold noted twice (redelivery) is kept once. */
export function evolveNotedHolds(holds: readonly NotedHold[], event: HoldNotedEvent): NotedHold[] {
  if (event.type === 'AccountHoldLiftNoted') return holds.filter((hold) => hold.holdId !== event.data.holdId);
  const { accountId: _accountId, ...hold } = event.data;
  return [...holds.filter((existing) => existing.holdId !== hold.holdId), hold];
}

/** Holds of a kind standing at `now` (a hold whose end date passed no longer stands). */
export const standingHolds = (holds: readonly NotedHold[], kind: string, now: Date): NotedHold[] =>
  holds.filter((hold) => hold.kind === kind && (hold.endsAt === null || new Date(hold.endsAt).getTime() > now.getTime()));
