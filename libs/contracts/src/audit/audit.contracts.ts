import { contract, DataOf } from '../contract';
import { s } from '../schema';

/**
 * Every domain event of every service, as stored (with its metadata and hash-chain
 * link), for the compliance audit trail. Keyed by stream id, so each stream stays in order.
 */
export const AUDIT_EVENTS = 'audit.events';

export const AuditRecord = contract({
  topic: AUDIT_EVENTS,
  type: 'AuditRecord.v1',
  summary: 'A stored domain event, whole and in its stored form (so its hash verifies), for the audit trail.',
  consumers: ['reporting'],
  schema: s.object({
    service: s.string(),
    /** The account the stream belongs to, when it belongs to one. */
    accountId: s.optional(s.string()),
    streamId: s.string(),
    version: s.int(),
    type: s.string(),
    data: s.record(),
    metadata: s.object({
      eventId: s.string(),
      principal: s.object({ role: s.string(), id: s.string() }),
      correlationId: s.string(),
      causationId: s.string(),
      occurredAt: s.instant(),
      /** The business date the event stands for; absent: effective when it occurred. */
      effectiveAt: s.optional(s.instant()),
      previousHash: s.string(),
      hash: s.string(),
    }),
  }),
});
export type AuditRecordV1 = DataOf<typeof AuditRecord>;
