import type { CommandContext, OutcomeEvent, Principal } from '@lib/es-core';
import type { DurableScheduler, ScheduledWork } from '@lib/scheduler';
import type { PaymentPlanEvent } from '../domain/payment-plans/payment-plan.events';
import type { PromiseEvent } from '../domain/promises/promise.events';

/** The scheduler's work that judges a promise at its deadline. */
export const PROMISE_CHECK = 'promise-check';
/** The scheduler's work that judges an installment of a plan at its deadline. */
export const PLAN_INSTALLMENT_CHECK = 'plan-installment-check';

export const ARRANGEMENT_SCHEDULER: Principal = { role: 'system', id: 'arrangements-scheduler' };

/**
 * The work id is the causation and the commands dedupe by it: a crash after the check's
 * events but before the scheduler marked the work fired re-runs it and finds them recorded.
 */
export const workContext = (work: ScheduledWork, firedAt: Date, newId: () => string): CommandContext => ({
  principal: ARRANGEMENT_SCHEDULER,
  correlationId: work.workId,
  causationId: work.workId,
  now: firedAt,
  newId,
  dedupeByCausation: true,
});

type Causes = Pick<CommandContext, 'causationId' | 'correlationId'>;

/**
 * Books the deadline check of every promise the events track. Booked from the outcome's
 * events, which a duplicate command finds again, so a booking lost to a crash is made when
 * the message comes again; a work id's first booking stands.
 */
export async function bookPromiseChecks(scheduler: DurableScheduler, events: readonly OutcomeEvent<PromiseEvent>[], context: Causes): Promise<void> {
  for (const event of events) {
    if (event.type !== 'PromiseTracked') continue;
    const { accountId, promiseId, deadline } = event.data;
    await scheduler.schedule({ workId: `${PROMISE_CHECK}-${promiseId}`, kind: PROMISE_CHECK, dueAt: deadline, payload: { accountId, promiseId } }, context.causationId, context.correlationId);
  }
}

/** Books the deadline check of every installment of the plans the events agree (same idempotence as above). */
export async function bookInstallmentChecks(scheduler: DurableScheduler, events: readonly OutcomeEvent<PaymentPlanEvent>[], context: Causes): Promise<void> {
  for (const event of events) {
    if (event.type !== 'PaymentPlanAgreed') continue;
    const { accountId, planId, installments } = event.data;
    for (const { number, deadline } of installments) {
      const work = { workId: `${PLAN_INSTALLMENT_CHECK}-${planId}-${number}`, kind: PLAN_INSTALLMENT_CHECK, dueAt: deadline, payload: { accountId, planId, number } };
      await scheduler.schedule(work, context.causationId, context.correlationId);
    }
  }
}
