/**
 * Read models: pure projections applied idempotently to a queryable store.
 * Pick an adapter in the composition root: `createMongoReadModelStore` (distributed mode,
 * tests against FerretDB), `createPgliteReadModelStore` (all-in-one: JSONB rows in its
 * embedded PostgreSQL, kept across restarts), `createPostgresReadModelStore` (the same on a
 * PostgreSQL server) or `createInMemoryReadModelStore` (tests, demos; rebuilt at start).
 */
export * from './read-model-store.port';
export { BOOKKEEPING_FIELDS } from './fold';
export * from './rebuild';
export * from './in-memory/in-memory-read-model-store';
export * from './mongo/mongo-read-model-store';
export * from './sql/sql-read-model-store';
export { UnsupportedQueryError } from './sql/sql-query';
export { foldInMemory } from './fold-in-memory';
export * from './generations';
