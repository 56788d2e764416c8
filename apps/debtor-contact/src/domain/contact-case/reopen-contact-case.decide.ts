import { Decision, reject } from '@lib/es-core';
import { ReopenContactCase } from './contact-case.commands';
import { ContactCaseEvent } from './contact-case.events';
import { ContactCaseState } from './contact-case.state';

/**
 * Intake reopened the account (a payment bounced after it closed as paid in full): a closed
 * case opens again, so collectors may work it and `case-closed` stops refusing. No notice is
 * sent: the debtor already had the first demand. An open case has nothing to reopen (a
 * redelivery, or a reopening whose closure this case never saw); an unknown case is refused
 * as closing it would be.
 */
export function decideReopenContactCase(command: ReopenContactCase, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status === 'none') return reject('case-unknown', 'no contact case for this account');
  if (state.status === 'open') return [];
  const { accountId, clientId, closingCode } = state;
  return [{ type: 'ContactCaseReopened', data: { accountId, clientId, previousClosingCode: closingCode, reason: command.reason, reopenedAt: command.now.toISOString() } }];
}
