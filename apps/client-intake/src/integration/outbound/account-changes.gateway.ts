import { RecordedEvent } from '@lib/es-core';
import { BalanceAdjusted, DebtorUpdated, InvoiceAdded } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import type { AccountEvent } from '../../domain/account/account.events';
import { publishedDebtor } from './published-debtor';

/**
 * The changes to a placed account in the published language. Who changed it leaves intake
 * as a role only: a staff member's id stays in intake's history and the audit trail.
 */
export function accountChangeMessages(stored: RecordedEvent<AccountEvent>): OutgoingMessage[] {
  switch (stored.type) {
    case 'InvoiceAdded': {
      const { accountId, clientId, invoice, addedBy, addedAt } = stored.data;
      return [integrationMessage(InvoiceAdded, accountId, { accountId, clientId, invoice, addedBy: addedBy.role, addedAt }, stored)];
    }
    case 'BalanceAdjusted': {
      const { accountId, clientId, adjustmentId, amount, currency, reason, adjustedBy, adjustedAt, kind } = stored.data;
      return [integrationMessage(BalanceAdjusted, accountId, { accountId, clientId, adjustmentId, amount, currency, reason, adjustedBy: adjustedBy.role, adjustedAt, ...(kind ? { kind } : {}) }, stored)];
    }
    case 'DebtorUpdated': {
      const { accountId, clientId, debtor, changed, updatedBy, updatedAt } = stored.data;
      return [integrationMessage(DebtorUpdated, accountId, { accountId, clientId, debtor: publishedDebtor(debtor), changed, updatedBy: updatedBy.role, updatedAt }, stored)];
    }
    default:
      return [];
  }
}
