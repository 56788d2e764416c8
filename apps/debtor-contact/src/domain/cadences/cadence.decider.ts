import { Decider, Decision } from '@lib/es-core';
import type { ApplyCadenceHold, CadenceCommand, StopCadence, TakeCadenceStep } from './cadence.commands';
import type { CadenceEvent } from './cadence.events';
import { CadenceRun, CadenceState, evolveCadence, initialCadenceState, isHeld, nextStep, stepDueAt, withHoldLifted, withHoldPlaced } from './cadence.state';

/**
 * Whether the work for step `index` of resumption `epoch` may take it now: the cadence
 * runs, that step is the next, the work was booked after the last resumption, and the
 * step is due. Anything else is stale work (fired before a hold was heard, or again after
 * a crash) and does nothing.
 */
export function stepToTake(state: CadenceState, index: number, epoch: number, now: Date): { run: CadenceRun; dueAt: Date } | null {
  if (state.status !== 'running' || state.taken !== index || state.epoch !== epoch || index >= state.steps.length) return null;
  const dueAt = stepDueAt(state, index);
  return dueAt.getTime() <= now.getTime() ? { run: state, dueAt } : null;
}

function decideTakeStep(command: TakeCadenceStep, state: CadenceState): Decision<CadenceEvent> {
  const take = stepToTake(state, command.index, command.epoch, command.now);
  if (!take) return [];
  const { run, dueAt } = take;
  const step = run.steps[command.index];
  const at = command.now.toISOString();
  const taken: CadenceEvent = {
    type: 'CadenceStepTaken',
    data: { accountId: run.accountId, clientId: run.clientId, index: command.index, day: step.day, action: step.action, dueAt: dueAt.toISOString(), takenAt: at, messageIds: command.messageIds },
  };
  const last = command.index === run.steps.length - 1;
  return last ? [taken, { type: 'CadenceFinished', data: { accountId: run.accountId, clientId: run.clientId, finishedAt: at } }] : [taken];
}

function decideHold(command: ApplyCadenceHold, state: CadenceState): Decision<CadenceEvent> {
  if (state.status === 'none' || state.status === 'finished' || state.status === 'stopped') return [];
  const { accountId, clientId } = state;
  if (command.change === 'placed') {
    const held = withHoldPlaced(state, command.holdId, command.at);
    if (held === state || held.pausedFrom === undefined) return [];
    return [{ type: 'CadencePaused', data: { accountId, clientId, holdId: command.holdId, placedAt: command.at, pausedFrom: held.pausedFrom } }];
  }
  if (state.holds[command.holdId] === undefined) return [];
  const { run, heldMs } = withHoldLifted(state, command.holdId, command.at);
  const next = isHeld(run) ? null : nextStep(run);
  return [
    {
      type: 'CadenceResumed',
      data: { accountId, clientId, holdId: command.holdId, liftedAt: command.at, heldMs, stillHeldBy: Object.keys(run.holds), nextStep: next?.index ?? null, nextDueAt: next?.dueAt.toISOString() ?? null },
    },
  ];
}

/** A closed case stops a cadence that has steps left; a finished or already stopped one is left as it is. */
function decideStop(command: StopCadence, state: CadenceState): Decision<CadenceEvent> {
  if (state.status === 'none' || state.status === 'finished' || state.status === 'stopped') return [];
  const { accountId, clientId } = state;
  return [{ type: 'CadenceStopped', data: { accountId, clientId, closingCode: command.closingCode, stoppedAt: command.now.toISOString(), nextStep: nextStep(state)?.index ?? null } }];
}

/** One cadence per account (`cadence-<accountId>`): started with the case, stepped by the scheduler, paused and resumed by holds. */
export const cadenceDecider: Decider<CadenceState, CadenceCommand, CadenceEvent> = {
  initialState: initialCadenceState,
  evolve: evolveCadence,
  decide(command, state) {
    switch (command.type) {
      case 'StartCadence': {
        if (state.status !== 'none') return [];
        const { accountId, clientId, strategy, reason, openedAt, now } = command;
        const steps = strategy.steps;
        const started: CadenceEvent = { type: 'CadenceStarted', data: { accountId, clientId, strategyId: strategy.strategyId, strategyName: strategy.name, steps, reason, startedAt: openedAt } };
        // Day 0 is the first notice, which the opening itself queued: the step is recorded as taken with it.
        const first: CadenceEvent = { type: 'CadenceStepTaken', data: { accountId, clientId, index: 0, day: 0, action: steps[0].action, dueAt: openedAt, takenAt: now.toISOString(), messageIds: [] } };
        return steps.length === 1 ? [started, first, { type: 'CadenceFinished', data: { accountId, clientId, finishedAt: now.toISOString() } }] : [started, first];
      }
      case 'TakeCadenceStep':
        return decideTakeStep(command, state);
      case 'ApplyCadenceHold':
        return decideHold(command, state);
      case 'StopCadence':
        return decideStop(command, state);
    }
  },
};
