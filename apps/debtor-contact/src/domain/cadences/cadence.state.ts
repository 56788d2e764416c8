import type { StrategyStep } from './contact-strategy';
import type { CadenceEvent } from './cadence.events';

export const DAY_MS = 86_400_000;

/** An account's cadence: its strategy's steps, how many are taken, and how long holds have stopped it. */
export interface CadenceRun {
  accountId: string;
  clientId: string;
  strategyId: string;
  steps: StrategyStep[];
  startedAt: string;
  /** Steps taken so far: the index of the next step. */
  taken: number;
  /** When the last step was taken. */
  lastTakenAt: string;
  /** Total time holds stopped it: every later step is due this much later than its day says. */
  shiftMs: number;
  /** Bumped at each resumption, so the work booked before a hold can never take a step after it. */
  epoch: number;
  /** The holds in force, by id, with when each was placed. */
  holds: Record<string, string>;
  /** While held: from when the time held counts. */
  pausedFrom?: string;
}

/** `stopped`: its case closed before the last step; nothing more is taken. */
export type CadenceState = { status: 'none' } | ({ status: 'running' | 'paused' | 'finished' | 'stopped' } & CadenceRun);

export const initialCadenceState = (): CadenceState => ({ status: 'none' });

/** When step `index` falls due: its day after the start, plus every hold so far. */
export function stepDueAt(run: CadenceRun, index: number): Date {
  return new Date(Date.parse(run.startedAt) + run.steps[index].day * DAY_MS + run.shiftMs);
}

/** The next step and when it falls due, or null when every step was taken. */
export function nextStep(run: CadenceRun): { index: number; dueAt: Date } | null {
  return run.taken < run.steps.length ? { index: run.taken, dueAt: stepDueAt(run, run.taken) } : null;
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

/**
 * The cadence with a hold placed at `placedAt`. The first hold stops it; the time held
 * counts from the placement, or from the last step taken if that came later (a step
 * already taken is not taken back, and the steps after it keep their distance to it).
 * A finished cadence, or a hold already known, is unchanged.
 */
export function withHoldPlaced(run: CadenceRun, holdId: string, placedAt: string): CadenceRun {
  if (run.holds[holdId] !== undefined || run.taken >= run.steps.length) return run;
  const holds = { ...run.holds, [holdId]: placedAt };
  return { ...run, holds, pausedFrom: run.pausedFrom ?? later(placedAt, run.lastTakenAt) };
}

/**
 * The cadence with the hold lifted at `liftedAt`. With no hold left it resumes where it
 * was: every step not yet taken moves later by the time held (never negative), so the
 * next step is as far from the lift as it was from the pause. With holds left, only the
 * lifted one goes. A hold not known changes nothing.
 */
export function withHoldLifted(run: CadenceRun, holdId: string, liftedAt: string): { run: CadenceRun; heldMs: number } {
  if (run.holds[holdId] === undefined) return { run, heldMs: 0 };
  const { [holdId]: _lifted, ...holds } = run.holds;
  if (Object.keys(holds).length > 0 || run.pausedFrom === undefined) return { run: { ...run, holds }, heldMs: 0 };
  const heldMs = Math.max(0, Date.parse(liftedAt) - Date.parse(run.pausedFrom));
  const { pausedFrom: _from, ...rest } = run;
  return { run: { ...rest, holds, shiftMs: run.shiftMs + heldMs, epoch: run.epoch + 1 }, heldMs };
}

export const isHeld = (run: CadenceRun) => Object.keys(run.holds).length > 0;

export function evolveCadence(state: CadenceState, event: CadenceEvent): CadenceState {
  switch (event.type) {
    case 'CadenceStarted': {
      const { accountId, clientId, strategyId, steps, startedAt } = event.data;
      return { status: 'running', accountId, clientId, strategyId, steps, startedAt, taken: 0, lastTakenAt: startedAt, shiftMs: 0, epoch: 0, holds: {} };
    }
    case 'CadenceStepTaken':
      return state.status === 'none' ? state : { ...state, taken: event.data.index + 1, lastTakenAt: event.data.takenAt };
    case 'CadencePaused':
      return state.status === 'none' ? state : { ...withHoldPlaced(state, event.data.holdId, event.data.placedAt), status: 'paused' };
    case 'CadenceResumed': {
      if (state.status === 'none' || state.status === 'stopped') return state;
      const { [event.data.holdId]: _lifted, ...holds } = state.holds;
      if (event.data.stillHeldBy.length > 0) return { ...state, holds };
      // The event's heldMs is the fact: a later change to how it is computed does not move old cadences.
      const { pausedFrom: _from, ...run } = state;
      const status = run.taken >= run.steps.length ? 'finished' : 'running';
      return { ...run, status, holds, shiftMs: run.shiftMs + event.data.heldMs, epoch: run.epoch + 1 };
    }
    case 'CadenceFinished':
      return state.status === 'none' ? state : { ...state, status: 'finished' };
    case 'CadenceStopped':
      return state.status === 'none' ? state : { ...state, status: 'stopped' };
  }
}
