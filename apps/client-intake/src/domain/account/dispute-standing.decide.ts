import type { Decision } from '@lib/es-core';
import type { ClearDispute, NoteDispute } from './account.commands';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';

/*
 * A closed account records both like an open one: nothing reads the flag while it is
 * closed, and an account reopened after a reversed payment must still know which of its
 * disputes are open.
 */

/**
 * Debtor contact opened a dispute: the account's standing has one open, so the recall is
 * refused (`recall-dispute-open`) and a time-barred closing is held until it is resolved.
 * A dispute already noted or already cleared (a redelivered or late message) and an
 * account intake does not have change nothing.
 */
export function decideNoteDispute(command: NoteDispute, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none') return [];
  const { disputeId, openedAt } = command;
  if (state.standing.openDisputes.includes(disputeId) || state.standing.clearedDisputes.includes(disputeId)) return [];
  return [{ type: 'DisputeNoted', data: { accountId: state.placement.accountId, disputeId, openedAt } }];
}

/**
 * Debtor contact resolved a dispute, upheld or rejected: it no longer refuses anything.
 * Recorded even for a dispute not noted, so an opening heard after its resolution opens
 * nothing; a dispute already cleared and an unknown account change nothing.
 */
export function decideClearDispute(command: ClearDispute, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none') return [];
  const { disputeId, outcome, resolvedAt } = command;
  if (state.standing.clearedDisputes.includes(disputeId)) return [];
  return [{ type: 'DisputeCleared', data: { accountId: state.placement.accountId, disputeId, outcome, resolvedAt } }];
}
