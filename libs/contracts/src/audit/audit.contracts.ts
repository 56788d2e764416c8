import { contract } from '../contract';

/**
 * Every domain event of every service, as stored (with its metadata and hash-chain
 * link), for the compliance audit trail. Keyed by stream id, so each stream stays in order.
 */
export const AUDIT_EVENTS = 'audit.events';

export interface AuditRecordV1 {
  service: string;
  /** The account the stream belongs to, when it belongs to one. */
  accountId?: string;
  streamId: string;
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: {
    eventId: string;
    principal: { role: string; id: string };
    correlationId: string;
    causationId: string;
    occurredAt: string;
    previousHash: string;
    hash: string;
  };
}

export const AuditRecord = contract<AuditRecordV1>(AUDIT_EVENTS, 'AuditRecord.v1', {
  service: 'string',
  accountId: 'string?',
  streamId: 'string',
  version: 'int',
  type: 'string',
  data: {},
  metadata: {
    eventId: 'string',
    principal: { role: 'string', id: 'string' },
    correlationId: 'string',
    causationId: 'string',
    occurredAt: 'instant',
    previousHash: 'string',
    hash: 'string',
  },
});
