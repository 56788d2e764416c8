import { RecordedEvent } from '@lib/es-core';
import { WriteOffApproved, WriteOffDeclined, WriteOffRequested } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import type { WriteOffEvent } from '../../domain/write-offs/write-off.decider';

/** Write-off events -> the published language, keyed by account id; an approved one tells intake to adjust the balance (and close the account when it is the whole of it). */
export function writeOffsGateway(stored: RecordedEvent): OutgoingMessage[] {
  if (!stored.streamId.startsWith('write-offs-')) return [];
  const event = stored as RecordedEvent<WriteOffEvent>;
  const { accountId } = event.data;
  switch (event.type) {
    case 'WriteOffRequested':
      return [integrationMessage(WriteOffRequested, accountId, event.data, stored)];
    case 'WriteOffApproved':
      return [integrationMessage(WriteOffApproved, accountId, event.data, stored)];
    case 'WriteOffDeclined':
      return [integrationMessage(WriteOffDeclined, accountId, event.data, stored)];
    default:
      return [];
  }
}
