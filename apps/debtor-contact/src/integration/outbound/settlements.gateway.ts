import { RecordedEvent } from '@lib/es-core';
import { SettlementAwaitingClient, SettlementDeclined, SettlementOffered, SettlementPaid } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import type { SettlementEvent } from '../../domain/settlements/settlement.events';


/**
 * Settlement events -> the published language, keyed by account id. A supervisor's
 * approval asks the client (`SettlementAwaitingClient.v1`); a paid settlement tells intake
 * to write the rest off and close the account (`SettlementPaid.v1`). The payments counted
 * and the balances heard stay inside.
 */
export function settlementsGateway(stored: RecordedEvent): OutgoingMessage[] {
  if (!stored.streamId.startsWith('settlements-')) return [];
  const event = stored as RecordedEvent<SettlementEvent>;
  const { accountId } = event.data;
  switch (event.type) {
    case 'SettlementOffered':
      return [integrationMessage(SettlementOffered, accountId, event.data, stored)];
    case 'SettlementApprovedBySupervisor': {
      const { clientId, settlementId, amount, currency, balance, shareBp, authorityBp, supervisorId, approvedAt } = event.data;
      return [integrationMessage(SettlementAwaitingClient, accountId, { accountId, clientId, settlementId, amount, currency, balance, shareBp, authorityBp, approvedBySupervisor: supervisorId, requestedAt: approvedAt }, stored)];
    }
    case 'SettlementDeclined': {
      const { clientId, settlementId, declinedBy, reason, declinedAt } = event.data;
      return [integrationMessage(SettlementDeclined, accountId, { accountId, clientId, settlementId, declinedBy, reason, declinedAt }, stored)];
    }
    case 'SettlementPaid':
      return [integrationMessage(SettlementPaid, accountId, event.data, stored)];
    default:
      return [];
  }
}
