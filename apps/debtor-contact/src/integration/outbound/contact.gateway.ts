import { RecordedEvent } from '@lib/es-core';
import { ContactAttemptRecorded, NoticeSent, PromiseToPayMade } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { ContactCaseEvent } from '../../domain/contact-case/contact-case.events';

/**
 * Domain events of debtor-contact -> the published language (`contact.cases`, keyed by
 * account id). Notes, compliance decisions and refusals stay inside, and so do the case's
 * opening, closing and reopening, which echo what intake already published (the runtime's
 * audit copy still carries every event). Attempts and promises take their time from the
 * stored event's metadata.
 */
export function contactGateway(now: () => Date) {
  return (stored: RecordedEvent): OutgoingMessage[] => {
    const event = stored as RecordedEvent<ContactCaseEvent>;
    const occurredAt = stored.metadata.occurredAt ?? now().toISOString();
    switch (event.type) {
      case 'NoticeSent': {
        const { accountId, clientId, noticeType, channel, sentAt } = event.data;
        return [integrationMessage(NoticeSent, accountId, { accountId, clientId, noticeType, channel, sentAt }, stored)];
      }
      case 'ContactAttemptRecorded': {
        const { accountId, clientId, attemptId, collectorId, channel, direction, outcome, rightPartyContact } = event.data;
        return [
          integrationMessage(ContactAttemptRecorded, accountId, { accountId, clientId, attemptId, collectorId, channel, direction, outcome, rightPartyContact, occurredAt }, stored),
        ];
      }
      case 'PromiseToPayMade': {
        const { accountId, clientId, promiseId, collectorId, amount, currency, dueDate } = event.data;
        return [integrationMessage(PromiseToPayMade, accountId, { accountId, clientId, promiseId, collectorId, amount, currency, dueDate, madeAt: occurredAt }, stored)];
      }
      default:
        return [];
    }
  };
}
