import { RecordedEvent } from '@lib/es-core';
import { AccountHoldLifted, AccountHoldPlaced, BankruptcyDischarged, BankruptcyFiled, DisputeDocumentsRequested, DisputeOpened, DisputeResolved } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { ContactCaseEvent } from '../../domain/contact-case/contact-case.events';

/**
 * Holds, disputes and bankruptcies -> `contact.cases`. A bankruptcy hold is also published
 * as `BankruptcyFiled.v1` (the client is told), an opened dispute also as
 * `DisputeDocumentsRequested.v1` (the client is asked for its documents). The skip hold's
 * evidence and the contact data found are personal data and stay inside (audit copy only).
 */
export function holdsGateway(stored: RecordedEvent): OutgoingMessage[] {
  const event = stored as RecordedEvent<ContactCaseEvent>;
  switch (event.type) {
    case 'AccountHoldPlaced': {
      const { accountId, clientId, holdId, kind, reason, endsAt, placedAt, disputeId, invoices, bankruptcy } = event.data;
      const placed = integrationMessage(
        AccountHoldPlaced,
        accountId,
        { accountId, clientId, holdId, kind, reason, endsAt, placedAt, ...(disputeId ? { disputeId } : {}), ...(invoices ? { invoices } : {}), ...(bankruptcy ? { bankruptcy } : {}) },
        stored,
      );
      if (!bankruptcy) return [placed];
      return [placed, integrationMessage(BankruptcyFiled, accountId, { accountId, clientId, holdId, ...bankruptcy, recordedAt: placedAt }, stored)];
    }
    case 'AccountHoldLifted': {
      const { accountId, clientId, holdId, kind, reason, liftedAt } = event.data;
      return [integrationMessage(AccountHoldLifted, accountId, { accountId, clientId, holdId, kind, reason, liftedAt }, stored)];
    }
    case 'BankruptcyDischarged': {
      const { accountId, clientId, holdId, chapter, caseNumber, dischargedOn, recordedAt } = event.data;
      return [integrationMessage(BankruptcyDischarged, accountId, { accountId, clientId, holdId, chapter, caseNumber, dischargedOn, recordedAt }, stored)];
    }
    case 'DisputeOpened': {
      const { accountId, clientId, disputeId, openedBy, invoices, amount, currency, reason, openedAt } = event.data;
      return [
        integrationMessage(DisputeOpened, accountId, { accountId, clientId, disputeId, openedBy, invoices, amount, currency, reason, openedAt }, stored),
        integrationMessage(DisputeDocumentsRequested, accountId, { accountId, clientId, disputeId, invoices: invoices.map((invoice) => invoice.invoiceNumber), reason, requestedAt: openedAt }, stored),
      ];
    }
    case 'DisputeResolved': {
      const { accountId, clientId, disputeId, outcome, amount, currency, evidence, resolvedAt } = event.data;
      return [integrationMessage(DisputeResolved, accountId, { accountId, clientId, disputeId, outcome, amount, currency, evidence, resolvedAt }, stored)];
    }
    default:
      return [];
  }
}
