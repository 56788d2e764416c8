import type { ProjectedEvent, Projection } from '@lib/read-models';
import { REPORTED_CONTRACTS } from '../integration/inbound/project-integration-events.handler';

export const REPORTED_EVENTS = 'reported_events';

/**
 * Every reported message as the projections received it (the `ProjectedEvent`, whole),
 * kept so that a report can be folded again as it stood at a past instant (`as-of.ts`)
 * and a read model rebuilt into a new generation while the live one serves
 * (`rebuild-read-models`). `recordedAt` is when the source event was recorded (the
 * message's `occurred-at`), normalised to one ISO format so text order is time order.
 * `position` (= `_id`) sorts a source stream's events in version order.
 */
export interface ReportedEventDocument {
  accountId: string | null;
  clientId: string | null;
  recordedAt: string;
  position: string;
  streamId: string;
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** Versions are padded so that text order is version order within a stream. */
export function reportedEventPosition(streamId: string, version: number): string {
  return `${streamId}@${String(version).padStart(12, '0')}`;
}

/** The event as the projections saw it when it arrived. */
export function projectedEventOfReported(document: ReportedEventDocument): ProjectedEvent {
  return { streamId: document.streamId, version: document.version, type: document.type, data: document.data, metadata: document.metadata };
}

/** An instant in one ISO format; an unreadable one (never on a valid message) sorts first. */
export function isoInstant(value: unknown): string {
  const date = new Date(typeof value === 'string' || typeof value === 'number' ? value : NaN);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

/** The log of reported events: one document per message, written once and never changed. */
export const reportedEventsProjection: Projection<ReportedEventDocument> = {
  name: REPORTED_EVENTS,
  handles: REPORTED_CONTRACTS.map((contract) => contract.type),
  documentIds: (event) => [reportedEventPosition(event.streamId, event.version)],
  evolve(document, event) {
    if (document) return document;
    const position = reportedEventPosition(event.streamId, event.version);
    return {
      accountId: typeof event.data.accountId === 'string' ? event.data.accountId : null,
      clientId: typeof event.data.clientId === 'string' ? event.data.clientId : null,
      recordedAt: isoInstant(event.metadata.occurredAt),
      position,
      streamId: event.streamId,
      version: event.version,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
    };
  },
};
