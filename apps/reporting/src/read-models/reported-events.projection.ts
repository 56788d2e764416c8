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

/**
 * The logged events up to and including `asOf` (all when null), in recorded order, a stream's in version order.
 * `parse` reads a log's events (`ParsedLogs.of` remembers them between queries).
 */
export function loggedUpTo(logs: readonly AccountEventLog[], asOf: string | null, types?: ReadonlySet<string>, parse: (log: AccountEventLog) => readonly LoggedEvent[] = loggedEventsOf): ProjectedEvent[] {
  const chosen: LoggedEvent[] = [];
  for (const log of logs) for (const logged of parse(log)) if ((asOf === null || logged.recordedAt <= asOf) && (!types || types.has(logged.type))) chosen.push(logged);
  chosen.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  return chosen.map(projectedEventOfLogged);
}

/**
 * The parsed events of the account logs read lately, so an as-of query of a long log
 * parses only what was logged since. A log only grows, and each event is kept as text, so
 * a remembered event is reused while the log holds the very same text at its place (a
 * string comparison, far cheaper than parsing it again); anything else is parsed afresh.
 * Parsed events are frozen: the projections fold them and must not change them.
 *
 * Bounded: at most `maxEvents` remembered events in all, the logs read least recently
 * forgotten first.
 */
export class ParsedLogs {
  private readonly logs = new Map<string, { texts: readonly string[]; events: readonly LoggedEvent[] }>();
  private remembered = 0;

  constructor(private readonly maxEvents = 50_000) {}

  get size(): number {
    return this.remembered;
  }

  of(log: AccountEventLog): readonly LoggedEvent[] {
    const known = this.logs.get(log.accountId);
    const texts = log.events;
    const events = new Array<LoggedEvent>(texts.length);
    for (let i = 0; i < texts.length; i++) {
      events[i] = known && i < known.texts.length && known.texts[i] === texts[i] ? known.events[i] : deepFreeze(JSON.parse(texts[i]) as LoggedEvent);
    }
    if (known) {
      this.logs.delete(log.accountId);
      this.remembered -= known.events.length;
    }
    if (texts.length <= this.maxEvents) {
      this.logs.set(log.accountId, { texts, events });
      this.remembered += texts.length;
      for (const [oldest, entry] of this.logs) {
        if (this.remembered <= this.maxEvents) break;
        this.logs.delete(oldest);
        this.remembered -= entry.events.length;
      }
    }
    return events;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  }
  return value;
}
