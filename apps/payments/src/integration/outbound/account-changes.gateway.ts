import { RecordedEvent } from '@lib/es-core';
import { OpenBalanceChanged } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import type { LedgerEvent } from '../../domain/ledger/ledger.events';

/** An added invoice or a balance adjustment on the ledger, published with the balance after it. */
export function openBalanceChangeMessages(stored: RecordedEvent<LedgerEvent>): OutgoingMessage[] {
  switch (stored.type) {
    case 'LedgerInvoiceAdded': {
      const { accountId, clientId, invoice, currency, balanceAfter, addedAt } = stored.data;
      const data = { accountId, clientId, cause: 'invoice-added' as const, causeId: invoice.number, amount: invoice.amount, currency, reason: null, balanceAfter, changedAt: addedAt };
      return [integrationMessage(OpenBalanceChanged, accountId, data, stored)];
    }
    case 'OpenBalanceAdjusted': {
      const { accountId, clientId, adjustmentId, applied, currency, reason, balanceAfter, adjustedAt } = stored.data;
      const data = { accountId, clientId, cause: 'balance-adjusted' as const, causeId: adjustmentId, amount: applied, currency, reason, balanceAfter, changedAt: adjustedAt };
      return [integrationMessage(OpenBalanceChanged, accountId, data, stored)];
    }
    default:
      return [];
  }
}
