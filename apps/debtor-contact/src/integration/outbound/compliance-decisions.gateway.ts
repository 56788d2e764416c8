import { CommandRefused } from '@lib/contracts';
import { RecordedEvent } from '@lib/es-core';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { commandRefusalGateway } from '@lib/platform';
import { ContactCaseEvent } from '../../domain/contact-case/contact-case.events';
import { DEBTOR_CONTACT_SERVICE } from '../../debtor-contact.dependencies';

/**
 * Debtor contact's refusals on `compliance.decisions` (CommandRefused.v1): those of its
 * compliance stream (promises, plans), the contact attempts a contact rule denied, and the
 * queued messages a rule stopped before they left, so the ledger has every refusal in one
 * contract whatever stream keeps it here.
 */
export function complianceDecisionsGateway(now: () => Date) {
  return (stored: RecordedEvent): OutgoingMessage[] => {
    const event = stored as RecordedEvent<ContactCaseEvent>;
    const refusedAt = stored.metadata.occurredAt ?? now().toISOString();
    const principalId = stored.metadata.principal.id;
    switch (event.type) {
      case 'ContactAttemptRefused': {
        const { accountId, clientId, rule, version, reason } = event.data;
        const data = { service: DEBTOR_CONTACT_SERVICE, accountId, clientId, command: 'RecordContact', rule, ruleVersion: version, reason, principalId, refusedAt };
        return [integrationMessage(CommandRefused, accountId, data, stored)];
      }
      case 'MessageCancelled': {
        const { accountId, clientId, rule, version, reason, cancelledAt } = event.data;
        const data = { service: DEBTOR_CONTACT_SERVICE, accountId, clientId, command: 'SendMessage', rule, ruleVersion: version, reason, principalId, refusedAt: cancelledAt };
        return [integrationMessage(CommandRefused, accountId, data, stored)];
      }
      default:
        return commandRefusalGateway(stored);
    }
  };
}
