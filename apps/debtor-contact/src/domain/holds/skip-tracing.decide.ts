import { Decision, reject } from '@lib/es-core';
import type { ContactCaseEvent } from '../contact-case/contact-case.events';
import type { ContactCaseState } from '../contact-case/contact-case.state';
import type { RecordContactData, ReportSkip } from './holds.commands';
import { holdsInForce } from './holds.state';

/**
 * A wrong number or returned mail puts the account in skip (a hold of kind skip, until new
 * contact data lifts it). While it is in skip, another report changes nothing: one hold
 * is lifted by one finding.
 */
export function decideReportSkip(command: ReportSkip, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status === 'none') return reject('case-unknown', 'no contact case for this account');
  if (state.status === 'closed') return reject('case-closed', `the case is closed (${state.closingCode})`);
  if (holdsInForce(state, command.now, 'skip').length > 0) return [];
  const { evidence, detail, now } = command;
  return [
    {
      type: 'AccountHoldPlaced',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        holdId: command.holdId,
        kind: 'skip',
        reason: `${evidence}: ${detail}`,
        endsAt: null,
        placedAt: now.toISOString(),
        skip: { evidence, detail },
      },
    },
  ];
}

/** New contact data is recorded with its source and becomes the debtor's; it takes the account out of skip. */
export function decideRecordContactData(command: RecordContactData, state: ContactCaseState): Decision<ContactCaseEvent> {
  if (state.status === 'none') return reject('case-unknown', 'no contact case for this account');
  const { source, phones, emails, addresses, now } = command;
  if (phones.length + emails.length + addresses.length === 0) return reject('contact-data-empty', 'name at least one phone, email or address found');
  const { accountId, clientId } = state;
  const found: ContactCaseEvent = { type: 'ContactDataFound', data: { accountId, clientId, source, phones, emails, addresses, foundAt: now.toISOString() } };
  const lifted: ContactCaseEvent[] = holdsInForce(state, now, 'skip').map((hold) => ({
    type: 'AccountHoldLifted',
    data: { accountId, clientId, holdId: hold.holdId, kind: 'skip', reason: `new contact data from ${source}`, liftedAt: now.toISOString() },
  }));
  return [found, ...lifted];
}
