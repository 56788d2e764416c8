import { PaymentPlanAgreed, PaymentPlanCompleted, PaymentPlanDefaulted } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { ClearPlan, NotePlan } from '../../application/note-collection-work/note-collection-work.commands';

/** A plan debtor contact agreed: the account's standing has it running (recall refused, time-barred closing held). */
export const notePlan = commandOn(PaymentPlanAgreed, (p, context) => new NotePlan(p.accountId, { planId: p.planId, agreedAt: p.agreedAt }, context));

/** A plan paid in full: no longer running. */
export const clearCompletedPlan = commandOn(PaymentPlanCompleted, (p, context) =>
  new ClearPlan(p.accountId, { planId: p.planId, outcome: 'completed', endedAt: p.completedAt }, context),
);

/** A plan that defaulted: no longer running, and the account may be recalled again. */
export const clearDefaultedPlan = commandOn(PaymentPlanDefaulted, (p, context) =>
  new ClearPlan(p.accountId, { planId: p.planId, outcome: 'defaulted', endedAt: p.defaultedAt }, context),
);
