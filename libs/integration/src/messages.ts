import { RecordedEvent, storedFormOf } from '@lib/es-core';
import { AUDIT_EVENTS, AuditRecord, AuditRecordV1, Contract } from '@lib/contracts';
import type { OutgoingMessage } from '@lib/message-bus';

/**
 * An integration message caused by a stored domain event. Its message id is derived from
 * the event id (and the type, when one event publishes several), so a relay replay after
 * a crash republishes the same ids and consumers drop the duplicates.
 */
export function integrationMessage<Data extends object>(contract: Contract<Data>, key: string, data: Data, cause: RecordedEvent): OutgoingMessage {
  return {
    topic: contract.topic,
    key,
    value: data,
    headers: {
      'message-type': contract.type,
      'message-id': `${cause.metadata.eventId}:${contract.type}`,
      'correlation-id': cause.metadata.correlationId,
      'causation-id': cause.metadata.eventId,
      'principal-role': cause.metadata.principal.role,
      'principal-id': cause.metadata.principal.id,
      // Read models guard on these: a replayed or duplicated message is a no-op.
      'source-stream': cause.streamId,
      'source-version': String(cause.version),
      'occurred-at': cause.metadata.occurredAt,
      // Only on events that carry a business date of their own: absent, the message is effective when it occurred.
      ...(cause.metadata.effectiveAt !== undefined ? { 'effective-at': cause.metadata.effectiveAt } : {}),
    },
  };
}

/** The stored event, whole and in its stored form (an upcast one too: its hash is of that form), for the compliance audit trail. */
export function auditMessage(service: string, event: RecordedEvent, accountId: string | undefined): OutgoingMessage {
  const stored = storedFormOf(event);
  const record: AuditRecordV1 = {
    service,
    accountId,
    streamId: event.streamId,
    version: event.version,
    type: stored.type,
    data: stored.data as Record<string, unknown>,
    metadata: {
      eventId: event.metadata.eventId,
      principal: { role: event.metadata.principal.role, id: event.metadata.principal.id },
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      occurredAt: event.metadata.occurredAt,
      // Part of what the event's hash is of: the copy must carry it for the chain to verify.
      ...(event.metadata.effectiveAt !== undefined ? { effectiveAt: event.metadata.effectiveAt } : {}),
      previousHash: event.metadata.previousHash,
      hash: event.metadata.hash,
    },
  };
  return integrationMessage(AuditRecord, event.streamId, record, event);
}

export { AUDIT_EVENTS };
