/**
 * Read models: pure projections applied idempotently to a queryable store.
 * Pick an adapter in the composition root: `createMongoReadModelStore` (production, tests
 * against FerretDB) or `createInMemoryReadModelStore` (all-in-one, rebuilt at start).
 */
export * from './read-model-store.port';
export { BOOKKEEPING_FIELDS } from './fold';
export * from './rebuild';
export * from './in-memory/in-memory-read-model-store';
export * from './mongo/mongo-read-model-store';
