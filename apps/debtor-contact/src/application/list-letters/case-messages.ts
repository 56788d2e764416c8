import { aggregateStream, Principal } from '@lib/es-core';
import { Refused } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { CommunicationsState, communicationsDecider } from '../../domain/communications/communications.decider';

/**
 * The case with its messages, as `principal` may see it: staff any case, a client only
 * its own. Another client's case answers 404 exactly like a missing one, so existence does
 * not leak.
 */
export async function caseMessagesFor(deps: ContactDependencies, accountId: string, principal: Principal): Promise<CommunicationsState> {
  const { state } = await aggregateStream(deps.eventStore, communicationsDecider, contactStreamId(accountId));
  const contactCase = state.contactCase;
  if (contactCase.status === 'none' || (principal.role === 'client' && contactCase.clientId !== principal.id)) {
    throw new Refused({ rule: 'case-unknown', reason: `no contact case for account ${accountId}` });
  }
  return state;
}
