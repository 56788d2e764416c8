import type { Decision } from '@lib/es-core';
import type { ClearPlan, NotePlan } from './account.commands';
import type { AccountEvent } from './account.events';
import type { AccountState } from './account.state';

/*
 * As with disputes (dispute-standing.decide.ts), a closed account records both like an
 * open one: an account reopened after a reversed payment must still know whether its plan
 * is running.
 */

/**
 * Debtor contact agreed a payment plan: the account's standing has one active, so the
 * recall is refused (`recall-plan-active`) and a time-barred closing is held until it ends.
 * A plan already noted or already ended (a redelivered or late message) and an account
 * intake does not have change nothing.
 */
export function decideNotePlan(command: NotePlan, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none') return [];
  const { planId, agreedAt } = command;
  if (state.standing.openPlans.includes(planId) || state.standing.endedPlans.includes(planId)) return [];
  return [{ type: 'PlanNoted', data: { accountId: state.placement.accountId, planId, agreedAt } }];
}

/**
 * Debtor contact's plan ended, paid in full or defaulted: it no longer refuses anything.
 * Recorded even for a plan not noted, so an agreement heard after its end opens nothing;
 * a plan already ended and an unknown account change nothing.
 */
export function decideClearPlan(command: ClearPlan, state: AccountState): Decision<AccountEvent> {
  if (state.status === 'none') return [];
  const { planId, outcome, endedAt } = command;
  if (state.standing.endedPlans.includes(planId)) return [];
  return [{ type: 'PlanCleared', data: { accountId: state.placement.accountId, planId, outcome, endedAt } }];
}
