import { Decision, reject } from '@lib/es-core';
import type { EndSolTolling, RecordDebtAcknowledgement, RecordSolTolling } from '../referral/referral.commands';
import type { ReferralEvent } from '../referral/referral.events';
import type { ReferralCase } from '../referral/referral.state';

const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * A signed written acknowledgement is a fact about the debt, kept whatever the stage: it
 * restarts the period where the debtor's state says so (the table decides, not this).
 * It cannot be dated after today.
 */
export function decideRecordDebtAcknowledgement(command: RecordDebtAcknowledgement, state: ReferralCase): Decision<ReferralEvent> {
  if (state.limitations.acknowledgements.some((a) => a.acknowledgementId === command.acknowledgementId)) return [];
  if (command.acknowledgedOn > today(command.now)) return reject('acknowledgement-in-future', `an acknowledgement signed on ${command.acknowledgedOn} is after today (${today(command.now)})`);
  const { acknowledgementId, acknowledgedOn, description } = command;
  return [{ type: 'DebtAcknowledged', data: { accountId: state.accountId, acknowledgementId, acknowledgedOn, description, recordedAt: command.now.toISOString() } }];
}

/** A tolling starts no later than today and ends (when its end is known) on or after its start and no later than today. */
export function decideRecordSolTolling(command: RecordSolTolling, state: ReferralCase): Decision<ReferralEvent> {
  if (state.limitations.tollings.some((t) => t.tollingId === command.tollingId)) return [];
  const { tollingId, reason, startsOn, endsOn, note } = command;
  if (startsOn > today(command.now)) return reject('tolling-in-future', `a tolling starting on ${startsOn} is after today (${today(command.now)})`);
  if (endsOn !== null) {
    const refusal = endRefusal(startsOn, endsOn, command.now);
    if (refusal) return refusal;
  }
  return [{ type: 'SolTolled', data: { accountId: state.accountId, tollingId, reason, startsOn, endsOn, note, recordedAt: command.now.toISOString() } }];
}

/** Ends a tolling that stands open; the same end again changes nothing, another end is refused. */
export function decideEndSolTolling(command: EndSolTolling, state: ReferralCase): Decision<ReferralEvent> {
  const tolling = state.limitations.tollings.find((t) => t.tollingId === command.tollingId);
  if (!tolling) return reject('tolling-unknown', `no tolling ${command.tollingId} on this account`);
  if (tolling.endsOn === command.endsOn) return [];
  if (tolling.endsOn !== null) return reject('tolling-already-ended', `the tolling ended on ${tolling.endsOn}`);
  const refusal = endRefusal(tolling.startsOn, command.endsOn, command.now);
  if (refusal) return refusal;
  return [{ type: 'SolTollingEnded', data: { accountId: state.accountId, tollingId: tolling.tollingId, endsOn: command.endsOn, recordedAt: command.now.toISOString() } }];
}

function endRefusal(startsOn: string, endsOn: string, now: Date): Decision<ReferralEvent> | undefined {
  if (endsOn < startsOn) return reject('tolling-ends-before-start', `a tolling cannot end (${endsOn}) before it starts (${startsOn})`);
  if (endsOn > today(now)) return reject('tolling-in-future', `a tolling ending on ${endsOn} is after today (${today(now)}): record its end when it comes`);
  return undefined;
}
