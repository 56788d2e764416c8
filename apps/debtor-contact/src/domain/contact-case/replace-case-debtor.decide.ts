import { Decision, reject } from '@lib/es-core';
import type { ReplaceCaseDebtor } from './contact-case.commands';
import type { ContactCaseEvent } from './contact-case.events';
import type { ContactCaseState } from './contact-case.state';

/**
 * The debtor as intake now knows it replaces the case's: its phones and emails with their
 * consent and do-not-contact flags, so a number the client bars from now on is refused by
 * the do-not-contact rule on the next attempt, and a new one may be used. A closed case
 * takes it too (a reopened case works with the latest data); the same debtor heard again
 * changes nothing.
 */
export function decideReplaceCaseDebtor(command: ReplaceCaseDebtor, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status === 'none') return reject('case-unknown', 'no contact case for this account');
  if (JSON.stringify(state.debtor) === JSON.stringify(command.debtor)) return [];
  const { accountId, clientId } = state;
  return [{ type: 'CaseDebtorReplaced', data: { accountId, clientId, debtor: command.debtor, changed: command.changed, replacedAt: command.now.toISOString() } }];
}
