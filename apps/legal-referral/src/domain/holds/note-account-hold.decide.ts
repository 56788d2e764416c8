import { Decider, Decision, reject } from '@lib/es-core';
import type { ReferralEvent } from '../referral/referral.events';
import { evolveReferral, initialReferralState, ReferralState } from '../referral/referral.state';

/** Debtor contact placed a hold. */
export interface NoteAccountHold {
  type: 'NoteAccountHold';
  hold: { holdId: string; kind: string; reason: string; endsAt: string | null; placedAt: string; disputeId?: string; invoices?: string[]; bankruptcy?: { chapter: number; caseNumber: string; filedOn: string } };
}

/** Debtor contact lifted a hold. */
export interface NoteAccountHoldLift {
  type: 'NoteAccountHoldLift';
  holdId: string;
  kind: string;
  reason: string;
  liftedAt: string;
}

export type HoldNoteCommand = NoteAccountHold | NoteAccountHoldLift;

/**
 * Holds are noted on a case at any stage, closed ones too (a reopened case still stands
 * on them). A hold noted already, or a lift of a hold not standing, changes nothing: the
 * bus delivers at least once.
 */
export function decideHoldNote(command: HoldNoteCommand, state: ReferralState): Decision<ReferralEvent> {
  if (state.stage === 'none') return reject('referral-unknown', 'no referral case for this account');
  const { accountId } = state;
  if (command.type === 'NoteAccountHold') {
    if (state.holds.some((hold) => hold.holdId === command.hold.holdId)) return [];
    return [{ type: 'AccountHoldNoted', data: { accountId, ...command.hold } }];
  }
  if (!state.holds.some((hold) => hold.holdId === command.holdId)) return [];
  const { holdId, kind, reason, liftedAt } = command;
  return [{ type: 'AccountHoldLiftNoted', data: { accountId, holdId, kind, reason, liftedAt } }];
}

/** The holds heard from debtor contact, on the referral stream. */
export const referralHoldsDecider: Decider<ReferralState, HoldNoteCommand, ReferralEvent> = {
  initialState: initialReferralState,
  evolve: evolveReferral,
  decide: decideHoldNote,
};
