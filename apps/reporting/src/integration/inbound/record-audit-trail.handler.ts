import { AuditRecord } from '@lib/contracts';
import { BatchInbound, onBatch } from '@lib/integration';
import type { ReadModelStore } from '@lib/read-models';
import { auditEventOf, auditTrailProjection } from '../../read-models/audit-trail.projection';
import { complianceDecisionsProjection } from '../../read-models/compliance-decisions.projection';
import { complianceDecisionEventsOf } from '../../read-models/compliance-decisions.queries';
import { applyConcurrently } from './project-integration-events.handler';

/**
 * Every service's stored events, whole, into the audit trail, a batch per `apply`;
 * guarded by their own stream and version, so a redelivered batch changes nothing. The
 * allow/deny decisions the records carry go to the compliance decision ledger, in the
 * same round as their records (a rebuild of the ledger reads them back from the trail).
 */
export const recordAuditTrail = (store: ReadModelStore): BatchInbound =>
  onBatch([AuditRecord], async (items) => {
    const records = items.map(({ data }) => data);
    const decisions = await complianceDecisionEventsOf(store, records);
    await applyConcurrently(store, [
      { projection: auditTrailProjection, events: records.map(auditEventOf) },
      { projection: complianceDecisionsProjection, events: decisions },
    ]);
  });
