import { Decision, reject } from '@lib/es-core';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import type { ContactCaseState } from '../contact-case/contact-case.state';
import type { ResolveDispute } from './disputes.commands';

/**
 * Resolving ends the dispute and lifts its hold. Upheld: the amount (all that was disputed
 * unless a smaller one is given) is for payments and intake to take off the balance.
 * Rejected: nothing comes off, collection resumes, and the evidence stays on record.
 */
export function decideResolveDispute(command: ResolveDispute, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status === 'none') return reject('case-unknown', 'no contact case for this account');
  const dispute = (state.disputes ?? []).find((candidate) => candidate.disputeId === command.disputeId);
  if (!dispute) return reject('dispute-unknown', `no dispute ${command.disputeId} on this case`);
  if (dispute.resolution) return reject('dispute-already-resolved', `the dispute was ${dispute.resolution.outcome} on ${dispute.resolution.resolvedAt}`);
  if (command.outcome === 'rejected' && command.amount !== undefined && command.amount !== 0) return reject('dispute-rejected-adjusts-nothing', 'a rejected dispute takes nothing off the balance: give no amount');
  const amount = command.outcome === 'rejected' ? 0 : (command.amount ?? dispute.amount);
  if (command.outcome === 'upheld' && (amount < 1 || amount > dispute.amount)) return reject('dispute-amount-out-of-range', `an upheld dispute adjusts from 1 to ${dispute.amount} (minor units, what was disputed), not ${amount}`);

  const { accountId, clientId } = state;
  const at = command.now.toISOString();
  return [
    { type: 'DisputeResolved', data: { accountId, clientId, disputeId: dispute.disputeId, outcome: command.outcome, amount, currency: dispute.currency, evidence: command.evidence, resolvedAt: at } },
    { type: 'AccountHoldLifted', data: { accountId, clientId, holdId: dispute.holdId, kind: 'dispute', reason: `dispute ${command.outcome}`, liftedAt: at } },
  ];
}
