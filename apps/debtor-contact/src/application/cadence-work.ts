import type { CommandContext, Principal } from '@lib/es-core';
import type { DurableScheduler, ScheduledWork } from '@lib/scheduler';
import type { CadenceState } from '../domain/cadences/cadence.state';
import { nextStep } from '../domain/cadences/cadence.state';

/** The scheduler's work that takes a step of an account's cadence. */
export const CADENCE_STEP = 'cadence-step';

export const CADENCE_SCHEDULER: Principal = { role: 'system', id: 'cadence-scheduler' };

/** Step `index` of resumption `epoch`: a resumption books under a new id, since a cancelled id cannot be booked again. */
export const cadenceWorkId = (accountId: string, index: number, epoch: number) => `${CADENCE_STEP}-${accountId}-${index}-${epoch}`;

/** The work id is the causation, so a step run again after a crash finds what it queued and decides once. */
export const cadenceWorkContext = (work: ScheduledWork, firedAt: Date, newId: () => string): CommandContext => ({
  principal: CADENCE_SCHEDULER,
  correlationId: work.workId,
  causationId: work.workId,
  now: firedAt,
  newId,
  dedupeByCausation: true,
});

type Causes = Pick<CommandContext, 'causationId' | 'correlationId'>;

/**
 * Makes the scheduler agree with the cadence: a running cadence has its next step booked,
 * a paused or stopped (its case closed) one has it cancelled. Both are idempotent, and done from the state after every
 * decision, so a booking or cancellation lost to a crash is made by the next command on
 * the cadence (the redelivered opening, the step run again, the hold heard again).
 */
export async function syncCadenceWork(scheduler: DurableScheduler, state: CadenceState, context: Causes): Promise<void> {
  if (state.status === 'none' || state.status === 'finished') return;
  const next = nextStep(state);
  if (!next) return;
  const workId = cadenceWorkId(state.accountId, next.index, state.epoch);
  if (state.status === 'paused' || state.status === 'stopped') {
    await scheduler.cancel(workId, context.causationId);
    return;
  }
  const work: ScheduledWork = { workId, kind: CADENCE_STEP, dueAt: next.dueAt.toISOString(), payload: { accountId: state.accountId, index: next.index, epoch: state.epoch } };
  await scheduler.schedule(work, context.causationId, context.correlationId);
}
