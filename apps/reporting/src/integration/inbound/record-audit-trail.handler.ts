import { AuditRecord } from '@lib/contracts';
import { BatchInbound, onBatch } from '@lib/integration';
import type { ReadModelStore } from '@lib/read-models';
import { auditEventOf, auditTrailProjection } from '../../read-models/audit-trail.projection';

/**
 * Every service's stored events, whole, into the audit trail, a batch per `apply`;
 * guarded by their own stream and version, so a redelivered batch changes nothing.
 */
export const recordAuditTrail = (store: ReadModelStore): BatchInbound =>
  onBatch([AuditRecord], async (items) => store.apply(auditTrailProjection, items.map(({ data }) => auditEventOf(data))));
