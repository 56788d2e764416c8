/**
 * The event store port and its three adapters. A composition root picks one with a
 * factory below; everything else depends on `EventStore` / `CheckpointStore` only.
 */
import { EventStoreDbEventStore, EventStoreDbEventStoreOptions } from './eventstoredb/eventstoredb-event-store';
import { PgliteEventStore, PgliteEventStoreOptions } from './pglite/pglite-event-store';
import { PostgresEventStore, PostgresEventStoreOptions } from './postgres/postgres-event-store';

export * from './event-store.port';
export { DuplicateEventIdError } from './errors';
export { assertExpectedVersion, expectedVersionHolds, type CurrentVersion } from './expected-version';
export { withUpcasting } from './upcasting-event-store';
export { SqlEventStore, type SqlEventStoreOptions } from './sql/sql-event-store';
export { inJsonbOrder } from './sql/recent-log';
export { tableCommentStatement } from './sql/sql-statements';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { PgliteEventStore, pgliteQuery, type PgliteEventStoreOptions } from './pglite/pglite-event-store';
export { createPglite, embeddedDatabaseMemoryBytes } from './pglite/load-pglite';
export {
  EventStoreDbEventStore,
  toEsdbExpectedRevision,
  toEsdbPosition,
  type EventStoreDbEventStoreOptions,
} from './eventstoredb/eventstoredb-event-store';

/**
 * A PostgreSQL event store with its schema and tables created (idempotently).
 * `{ connectionString, schema }` is enough; the store owns its pool and ends it on close().
 */
export async function createPostgresEventStore(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
  const store = new PostgresEventStore(options);
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

/**
 * An embedded PostgreSQL (PGlite) event store, ready to use: data in `dataDir`, or in
 * memory when no folder is given (tests, demos).
 */
export async function createPgliteEventStore(options: PgliteEventStoreOptions = {}): Promise<PgliteEventStore> {
  const store = new PgliteEventStore(options);
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

/**
 * An EventStoreDB event store. Makes one cheap read at once so that a wrong connection
 * string fails at start-up, not at the first command.
 */
export async function createEventStoreDbEventStore(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
  const store = new EventStoreDbEventStore(options);
  try {
    await store.readStream('event-store-connectivity-check');
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
