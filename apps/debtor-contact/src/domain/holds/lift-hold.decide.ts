import { Decision, reject } from '@lib/es-core';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import type { ContactCaseState } from '../contact-case/contact-case.state';
import type { EndHold, LiftHold } from './holds.commands';

/**
 * Lifting is an event of its own, also for a hold whose end date passed (the record then
 * says who closed it and why). A dispute hold ends with the dispute's resolution, and a
 * discharged bankruptcy never ends: the debt is gone.
 */
export function decideLiftHold(command: LiftHold, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status === 'none') return reject('case-unknown', 'no contact case for this account');
  const hold = (state.holds ?? []).find((candidate) => candidate.holdId === command.holdId);
  if (!hold) return reject('hold-unknown', `no hold ${command.holdId} on this case`);
  if (hold.lifted) return reject('hold-already-lifted', `the hold was lifted ${hold.lifted.liftedAt} (${hold.lifted.reason})`);
  if (hold.kind === 'dispute') return reject('hold-ends-with-its-dispute', `the hold is dispute ${hold.disputeId}'s: it is lifted by resolving the dispute`);
  if (hold.bankruptcy?.dischargedOn) return reject('bankruptcy-discharged', `the debtor was discharged on ${hold.bankruptcy.dischargedOn}: the debt cannot be collected again`);
  return [{ type: 'AccountHoldLifted', data: { accountId: state.accountId, clientId: state.clientId, holdId: hold.holdId, kind: hold.kind, reason: command.reason, liftedAt: command.now.toISOString() } }];
}

/**
 * A hold whose end date came is lifted on record, dated at its end date (the rules already
 * let contact through from that instant). One lifted meanwhile, or not ended yet, is left
 * as it is: the scheduler's work is then done.
 */
export function decideEndHold(command: EndHold, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status === 'none') return reject('case-unknown', 'no contact case for this account');
  const hold = (state.holds ?? []).find((candidate) => candidate.holdId === command.holdId);
  if (!hold || hold.lifted || hold.endsAt === null || new Date(hold.endsAt).getTime() > command.now.getTime()) return [];
  return [{ type: 'AccountHoldLifted', data: { accountId: state.accountId, clientId: state.clientId, holdId: hold.holdId, kind: hold.kind, reason: 'its end date came', liftedAt: hold.endsAt } }];
}
