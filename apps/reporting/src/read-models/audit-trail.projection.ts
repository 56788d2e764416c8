import { AuditRecord, AuditRecordV1 } from '@lib/contracts';
import type { ProjectedEvent, Projection } from '@lib/read-models';
import { serviceRank } from '../reporting.dependencies';

export const AUDIT_TRAIL = 'audit_trail';

/**
 * One stored domain event of any service, as its service stored it. `data` is kept as
 * JSON text: domain data may hold field names a MongoDB-wire server refuses (a '.' in a
 * key, a leading '$'), and an audit copy must come back exactly as it went in.
 * `occurredAt` and `serviceRank` are copied out of the metadata so the history sorts
 * with a plain multi-field sort.
 */
export interface AuditEntryDocument {
  service: string;
  serviceRank: number;
  accountId: string | null;
  streamId: string;
  version: number;
  type: string;
  dataJson: string;
  metadata: AuditRecordV1['metadata'];
  occurredAt: string;
}

export function auditEntryId(service: string, streamId: string, version: number): string {
  return `${service}:${streamId}:${version}`;
}

/** An audit record as the projection reads it: its own stream and version guard replays. */
export function auditEventOf(record: AuditRecordV1): ProjectedEvent {
  return { streamId: record.streamId, version: record.version, type: AuditRecord.type, data: record, metadata: record.metadata };
}

/** The audit trail: one document per stored event, written once and never changed. */
export const auditTrailProjection: Projection<AuditEntryDocument> = {
  name: AUDIT_TRAIL,
  handles: [AuditRecord.type],
  documentIds: (event) => [auditEntryId(event.data.service, event.data.streamId, event.data.version)],
  evolve(document, event) {
    // The first copy of an event stands; a different one under the same id is not an edit.
    if (document) return document;
    const record = event.data as AuditRecordV1;
    return {
      service: record.service,
      serviceRank: serviceRank(record.service),
      accountId: record.accountId ?? null,
      streamId: record.streamId,
      version: record.version,
      type: record.type,
      dataJson: JSON.stringify(record.data),
      metadata: record.metadata,
      // One format for every service's instants, so that text order is time order.
      occurredAt: new Date(record.metadata.occurredAt).toISOString(),
    };
  },
};
