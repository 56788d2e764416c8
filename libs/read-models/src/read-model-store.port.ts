/** An event as a projection sees it: from the local store or from the bus. */
export interface ProjectedEvent {
  /** The source stream (for integration events: the aggregate's stream id). */
  streamId: string;
  /** The source stream version; the guard that makes replays and duplicates no-ops. */
  version: number;
  type: string;
  data: Record<string, any>;
  metadata: Record<string, any>;
}

/**
 * A pure projection. For each event it names the documents it affects, and evolves
 * each one: `null` means "no document yet"; returning `null` deletes the document.
 * `evolve` must not change the document or the event it receives: it returns a new
 * document, which may share the unchanged parts of the old one. Stores hand it what they
 * hold (the in-memory store and the rebuilds' in-memory fold do not copy it first), so a
 * projection that changed its input in place would change stored state.
 */
export interface Projection<Doc extends object = Record<string, any>> {
  /** Collection name. */
  name: string;
  /** Event types it reads; other events are ignored. */
  handles: readonly string[];
  documentIds(event: ProjectedEvent): readonly string[];
  evolve(document: Doc | null, event: ProjectedEvent): Doc | null;
}

export interface QueryOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
}

/**
 * The read-model store port. `apply` is idempotent: each document remembers, per source
 * stream, the last version it applied, and skips any event at or below it.
 * Stored documents have `_id` = the document id; bookkeeping fields start with `_`.
 */
export interface ReadModelStore {
  apply<Doc extends object>(projection: Projection<Doc>, events: readonly ProjectedEvent[]): Promise<void>;
  find<Doc = Record<string, any>>(collection: string, filter?: Record<string, unknown>, options?: QueryOptions): Promise<Doc[]>;
  findOne<Doc = Record<string, any>>(collection: string, filter: Record<string, unknown>): Promise<Doc | null>;
  count(collection: string, filter?: Record<string, unknown>): Promise<number>;
  /** Drops a collection and its checkpoint: the first step of a rebuild. */
  reset(collection: string): Promise<void>;
  loadCheckpoint(name: string): Promise<string | null>;
  saveCheckpoint(name: string, value: string): Promise<void>;
  /** Resolves once the store answered a trivial request; rejects with why it could not. Readiness probes call it. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
