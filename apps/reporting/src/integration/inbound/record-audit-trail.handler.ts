import { AuditRecord } from '@lib/contracts';
import { on } from '@lib/integration';
import type { ReadModelStore } from '@lib/read-models';
import { auditEventOf, auditTrailProjection } from '../../read-models/audit-trail.projection';

/** Every service's stored events, whole, into the audit trail; guarded by their own stream and version. */
export const recordAuditTrail = (store: ReadModelStore) => on(AuditRecord, async (record) => store.apply(auditTrailProjection, [auditEventOf(record)]));
