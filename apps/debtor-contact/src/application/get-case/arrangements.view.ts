import { paidOn, PaymentPlansState } from '../../domain/payment-plans/payment-plan.state';
import type { PromisesState } from '../../domain/promises/promise.state';
import type { PlanView, PromiseView } from './contact-case.view';

/**
 * A case's promises with how each stands, and its plans: a promise the case holds but the
 * promises stream has not heard yet (its message is on the way) is pending.
 */
export function arrangementsOf(promises: ReadonlyArray<Omit<PromiseView, 'status'>>, tracked: PromisesState, plans: PaymentPlansState): { promises: PromiseView[]; plans: PlanView[] } {
  return {
    promises: promises.map((promise) => ({ ...promise, status: tracked.promises.find((candidate) => candidate.promiseId === promise.promiseId)?.status ?? 'pending' })),
    plans: plans.plans.map((plan) => ({
      planId: plan.planId,
      status: plan.status,
      frequency: plan.frequency,
      total: plan.total,
      paid: paidOn(plan),
      missedInstallments: plan.missed.length,
      installments: plan.installments.map(({ number, dueDate, amount }) => ({ number, dueDate, amount, missed: plan.missed.includes(number) })),
      agreedAt: plan.agreedAt,
      agreedBy: plan.agreedBy,
    })),
  };
}
