import type { ProjectedEvent, Projection } from '@lib/read-models';
import { REPORTED_CONTRACTS } from '../integration/inbound/project-integration-events.handler';

export const REPORTED_EVENTS = 'reported_events';

/**
 * A reported message as the projections received it (the `ProjectedEvent`, whole), with
 * `recordedAt`, when the source event was recorded (the message's `occurred-at`) in one
 * ISO format so text order is time order, and `position`, which orders a source stream's
 * events by version.
 */
export interface LoggedEvent {
  recordedAt: string;
  position: string;
  streamId: string;
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/**
 * Every reported message of one account, in the order they arrived (each source stream in
 * version order: the store's version guard drops a redelivered older one), kept so that a
 * report can be folded again as it stood at a past instant (`as-of.queries.ts`) and a read
 * model rebuilt into a new generation while the live one serves (`rebuild-read-models`).
 * One document per account (`_id` = account id), so an account's as-of state is one read
 * by id, which every store serves from its index (FerretDB included).
 */
export interface AccountEventLog {
  accountId: string;
  clientId: string | null;
  /**
   * Each a `LoggedEvent` as JSON text: a MongoDB-wire server hands back an array of short
   * strings far faster than as many nested documents (FerretDB converts every nested field),
   * and the data's field names need not suit it.
   */
  events: string[];
}

/** The logged events of an account, in the order they arrived. */
export function loggedEventsOf(log: AccountEventLog): LoggedEvent[] {
  return log.events.map((text) => JSON.parse(text) as LoggedEvent);
}

/** Versions are padded so that text order is version order within a stream. */
export function reportedEventPosition(streamId: string, version: number): string {
  return `${streamId}@${String(version).padStart(12, '0')}`;
}

/** The event as the projections saw it when it arrived. */
export function projectedEventOfLogged(logged: LoggedEvent): ProjectedEvent {
  return { streamId: logged.streamId, version: logged.version, type: logged.type, data: logged.data, metadata: logged.metadata };
}

/** An instant in one ISO format; an unreadable one (never on a valid message) sorts first. */
export function isoInstant(value: unknown): string {
  const date = new Date(typeof value === 'string' || typeof value === 'number' ? value : NaN);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

/** The log of reported events: one document per account, each event appended once. */
export const reportedEventsProjection: Projection<AccountEventLog> = {
  name: REPORTED_EVENTS,
  handles: REPORTED_CONTRACTS.map((contract) => contract.type),
  documentIds: (event) => (typeof event.data.accountId === 'string' ? [event.data.accountId] : []),
  evolve(document, event) {
    const log = document ?? { accountId: event.data.accountId as string, clientId: null, events: [] };
    const logged: LoggedEvent = {
      recordedAt: isoInstant(event.metadata.occurredAt),
      position: reportedEventPosition(event.streamId, event.version),
      streamId: event.streamId,
      version: event.version,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
    };
    return { ...log, clientId: log.clientId ?? (typeof event.data.clientId === 'string' ? event.data.clientId : null), events: [...log.events, JSON.stringify(logged)] };
  },
};

/** The logged events up to and including `asOf` (all when null), in recorded order, a stream's in version order. */
export function loggedUpTo(logs: readonly AccountEventLog[], asOf: string | null, types?: ReadonlySet<string>): ProjectedEvent[] {
  const chosen: LoggedEvent[] = [];
  for (const log of logs) for (const logged of loggedEventsOf(log)) if ((asOf === null || logged.recordedAt <= asOf) && (!types || types.has(logged.type))) chosen.push(logged);
  chosen.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  return chosen.map(projectedEventOfLogged);
}
