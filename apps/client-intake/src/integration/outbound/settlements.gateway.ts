import { RecordedEvent } from '@lib/es-core';
import { SettlementDecidedByClient } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { accountIdOfSettlementsStream } from '../../client-intake.dependencies';
import type { ClientSettlementEvent } from '../../domain/settlement/client-settlements.events';

/** The client's answer to a settlement -> `SettlementDecidedByClient.v1` on `intake.accounts`, keyed by account id, for debtor contact. */
export function settlementsGateway(stored: RecordedEvent): OutgoingMessage[] {
  if (accountIdOfSettlementsStream(stored.streamId) === undefined) return [];
  const event = stored as RecordedEvent<ClientSettlementEvent>;
  if (event.type !== 'SettlementDecidedByClient') return [];
  return [integrationMessage(SettlementDecidedByClient, event.data.accountId, event.data, stored)];
}
