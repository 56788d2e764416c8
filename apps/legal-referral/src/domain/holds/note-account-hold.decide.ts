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
 * bus delivers at least once. A bankruptcy's hold is the automatic stay (11 U.S.C. § 362):
 * it also tolls the statute of limitations from the petition's filing day (`SolTolled`,
 * the hold's id as the tolling's), and its lift (a dismissal) ends the tolling that day. A
 * discharge lifts no hold: the account closes as bankrupt.
 */
export function decideHoldNote(command: HoldNoteCommand, state: ReferralState): Decision<ReferralEvent> {
  if (state.stage === 'none') return reject('referral-unknown', 'no referral case for this account');
  const { accountId } = state;
  if (command.type === 'NoteAccountHold') {
    if (state.holds.some((hold) => hold.holdId === command.hold.holdId)) return [];
    return [{ type: 'AccountHoldNoted', data: { accountId, ...command.hold } }, ...stayTolls(command.hold, state)];
  }
  if (!state.holds.some((hold) => hold.holdId === command.holdId)) return [];
  const { holdId, kind, reason, liftedAt } = command;
  return [{ type: 'AccountHoldLiftNoted', data: { accountId, holdId, kind, reason, liftedAt } }, ...stayEnds(command, state)];
}

function stayTolls(hold: NoteAccountHold['hold'], state: Exclude<ReferralState, { stage: 'none' }>): ReferralEvent[] {
  if (hold.kind !== 'bankruptcy' || !hold.bankruptcy || state.limitations.tollings.some((t) => t.tollingId === hold.holdId)) return [];
  const { chapter, caseNumber, filedOn } = hold.bankruptcy;
  const note = `Chapter ${chapter} petition, case ${caseNumber}: the automatic stay (heard from debtor contact)`;
  return [{ type: 'SolTolled', data: { accountId: state.accountId, tollingId: hold.holdId, reason: 'bankruptcy-stay', startsOn: filedOn, endsOn: null, note, recordedAt: hold.placedAt } }];
}

function stayEnds(lift: NoteAccountHoldLift, state: Exclude<ReferralState, { stage: 'none' }>): ReferralEvent[] {
  const tolling = state.limitations.tollings.find((t) => t.tollingId === lift.holdId && t.endsOn === null);
  if (!tolling) return [];
  // A lift recorded with a date before the petition (a correction) ends the tolling on its first day.
  const liftedOn = lift.liftedAt.slice(0, 10);
  const endsOn = liftedOn < tolling.startsOn ? tolling.startsOn : liftedOn;
  return [{ type: 'SolTollingEnded', data: { accountId: state.accountId, tollingId: tolling.tollingId, endsOn, recordedAt: lift.liftedAt } }];
}

/** The holds heard from debtor contact, on the referral stream. */
export const referralHoldsDecider: Decider<ReferralState, HoldNoteCommand, ReferralEvent> = {
  initialState: initialReferralState,
  evolve: evolveReferral,
  decide: decideHoldNote,
};
