import type { CommandContext } from '@lib/es-core';
import { decideOrRefuse } from '@lib/platform';
import type { ContactDependencies } from '../../debtor-contact.dependencies';
import { writeOffDecider, writeOffsStreamId } from '../../domain/write-offs/write-off.decider';
import { caseForWriteOff, knownBalance } from '../write-off-facts';

/**
 * A supervisor's decision on a write-off, taken on the account's write-offs stream before
 * the approval's own: approved, it is figured on the balance now and published for intake
 * (WriteOffApproved.v1); a write-off no longer pending refuses and the queue's entry stays.
 */
export async function decideWriteOff(deps: ContactDependencies, accountId: string, writeOffId: string, decision: 'approved' | 'rejected', reason: string | null, context: CommandContext): Promise<void> {
  const store = deps.eventStore;
  const contactCase = await caseForWriteOff(store, accountId);
  const balance = await knownBalance(store, accountId, contactCase.placedAmount);
  await decideOrRefuse(
    store,
    writeOffDecider,
    writeOffsStreamId(accountId),
    { type: 'DecideWriteOff', writeOffId, decision: decision === 'approved' ? 'approved' : 'declined', supervisorId: context.principal.id, reason, caseStatus: contactCase.status, balance, now: context.now },
    context,
  );
}
