import { RecordedEvent } from '@lib/es-core';
import { AccountPaidInFull, PaymentPosted, PaymentReversed } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { LedgerEvent } from '../../domain/ledger/ledger.events';

/**
 * Domain events of payments -> the published language (`payments.ledger`, keyed by
 * account id). Each message carries exactly its contract's fields; ledger opening and the
 * rate switch stay inside (the audit copy still carries them).
 */
export function paymentsGateway(stored: RecordedEvent): OutgoingMessage[] {
  const event = stored as unknown as RecordedEvent<LedgerEvent> & LedgerEvent;
  switch (event.type) {
    case 'PaymentPosted': {
      const { accountId, clientId, paymentId, amount, currency, allocations, commission, credit, balanceAfter, postedAt } = event.data;
      return [
        integrationMessage(
          PaymentPosted,
          accountId,
          { accountId, clientId, paymentId, amount, currency, allocations: allocations.map(({ invoiceNumber, amount: applied }) => ({ invoiceNumber, amount: applied })), commission, credit, balanceAfter, postedAt },
          stored,
        ),
      ];
    }
    case 'PaymentReversed': {
      const { accountId, clientId, paymentId, amount, currency, commission, reason, balanceAfter, reversedAt } = event.data;
      return [integrationMessage(PaymentReversed, accountId, { accountId, clientId, paymentId, amount, currency, commission, reason, balanceAfter, reversedAt }, stored)];
    }
    case 'AccountPaidInFull': {
      const { accountId, clientId, paidAt } = event.data;
      return [integrationMessage(AccountPaidInFull, accountId, { accountId, clientId, paidAt }, stored)];
    }
    default:
      return [];
  }
}
