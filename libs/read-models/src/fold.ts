import { ProjectedEvent, Projection } from './read-model-store.port';

/**
 * The one version convention every adapter shares: how events are grouped per document,
 * which events a document has already seen, and what the stored document looks like.
 * Adapters only load, compare-and-swap and query; they never decide idempotency themselves.
 */

/** Fields the store owns inside every stored document; projections must not use them. */
export const BOOKKEEPING_FIELDS = ['_applied', '_rev', '_deleted'] as const;

/**
 * A document as stored. `_applied` maps an encoded source stream id to the last version
 * folded in; `_rev` counts writes and is the compare-and-swap token; `_deleted` marks a
 * tombstone, kept so that a late duplicate of an event older than the deletion cannot
 * bring the document back.
 */
export interface StoredDocument {
  _id: string;
  _applied: Record<string, number>;
  _rev: number;
  _deleted?: true;
  [field: string]: unknown;
}

/** Filter that hides tombstones; merged into every query. */
export const LIVE_DOCUMENTS = { _deleted: { $exists: false } } as const;

/** A caller's filter restricted to live documents (`_deleted` is reserved, so it cannot clash). */
export function liveFilter(filter: Record<string, unknown> | undefined): Record<string, unknown> {
  return { ...(filter ?? {}), ...LIVE_DOCUMENTS };
}

/**
 * Sort with `_id` as the last key, so paging with skip/limit is stable when sort keys tie
 * and both adapters return the same order when the caller gives no sort at all.
 */
export function stableSort(sort: Record<string, 1 | -1> | undefined): Record<string, 1 | -1> {
  const result: Record<string, 1 | -1> = { ...(sort ?? {}) };
  if (!('_id' in result)) result._id = 1;
  return result;
}

/**
 * Stream ids become field names inside `_applied`. MongoDB-wire servers (FerretDB in
 * particular) reject names containing '.' or starting with '$', so those characters are
 * percent-encoded; '%' is encoded too so the mapping stays one-to-one.
 */
export function encodeStreamKey(streamId: string): string {
  // Most stream ids need no encoding: test once instead of running two replacements per event.
  if (streamId.indexOf('%') < 0 && streamId.indexOf('.') < 0 && streamId.charCodeAt(0) !== 36) return streamId;
  return streamId.replace(/[%.]/g, (c) => (c === '%' ? '%25' : '%2E')).replace(/^\$/, '%24');
}

/** Each projection's `handles` as a set, made once per projection instead of once per `apply`. */
const handledTypes = new WeakMap<Projection<any>, { from: readonly string[]; types: ReadonlySet<string> }>();

function handledBy(projection: Projection<any>): ReadonlySet<string> {
  const known = handledTypes.get(projection);
  if (known && known.from === projection.handles) return known.types;
  const types = new Set(projection.handles);
  handledTypes.set(projection, { from: projection.handles, types });
  return types;
}

/** Events of one batch per document id, each list in the order the batch gave them. */
export function groupByDocument(
  projection: Projection<any>,
  events: readonly ProjectedEvent[],
): Map<string, ProjectedEvent[]> {
  const handled = handledBy(projection);
  const groups = new Map<string, ProjectedEvent[]>();
  const add = (id: string, event: ProjectedEvent): void => {
    const group = groups.get(id);
    if (group) group.push(event);
    else groups.set(id, [event]);
  };
  for (const event of events) {
    if (!handled.has(event.type)) continue;
    const ids = projection.documentIds(event);
    // One document per event is the common case: no set needed to drop repeated ids.
    if (ids.length === 1) add(ids[0], event);
    else for (const id of new Set(ids)) add(id, event);
  }
  return groups;
}

/** The projection's view of a stored document: its own fields and `_id`, no bookkeeping. */
export function toPublic<Doc = Record<string, any>>(stored: StoredDocument): Doc {
  const { _applied, _rev, _deleted, ...document } = stored;
  return document as Doc;
}

/**
 * What folding a document's new events changed: the state after them (`null`: deleted)
 * and, per encoded source stream, the last version now applied (only the streams these
 * events advanced).
 */
export interface FoldedEvents {
  state: Record<string, unknown> | null;
  applied: Record<string, number>;
}

/**
 * The fold itself, for adapters that keep their stored documents in their own shape:
 * `state` is the document's public fields (a private copy: the projection receives parts
 * of it; `null` when absent or deleted), `existed` whether anything is stored under the id
 * (a tombstone counts), `applied` its stored versions, only read. Returns `null` when
 * nothing needs writing, under the same rules as `foldDocument`, which is built on it.
 */
export function foldEvents(
  projection: Projection<any>,
  state: Record<string, unknown> | null,
  existed: boolean,
  applied: Readonly<Record<string, number>> | undefined,
  events: readonly ProjectedEvent[],
): FoldedEvents | null {
  const advanced: Record<string, number> = {};
  let changed = false;
  for (const event of events) {
    const key = encodeStreamKey(event.streamId);
    const last = advanced[key] ?? applied?.[key];
    if (last !== undefined && event.version <= last) continue;
    state = projection.evolve(state, event) as Record<string, unknown> | null;
    advanced[key] = event.version;
    changed = true;
    if (state !== null) existed = true;
  }
  return changed && existed ? { state, applied: advanced } : null;
}

/**
 * Folds a document's new events into what is stored. Returns the next stored document
 * (`_rev` one higher), or `null` when nothing needs writing: every event was already
 * applied, or the document never existed and the projection kept it absent (a pure
 * `evolve` would do the same again on redelivery, so there is nothing to remember).
 * `stored` must be a private copy: the projection receives parts of it.
 */
export function foldDocument(
  projection: Projection<any>,
  id: string,
  stored: StoredDocument | null,
  events: readonly ProjectedEvent[],
): StoredDocument | null {
  const folded = foldEvents(projection, stored && !stored._deleted ? toPublic(stored) : null, stored !== null, stored?._applied, events);
  if (!folded) return null;
  const applied: Record<string, number> = { ...(stored?._applied ?? {}), ...folded.applied };
  const _rev = (stored?._rev ?? 0) + 1;
  if (folded.state === null) return { _id: id, _applied: applied, _rev, _deleted: true };
  const { _applied, _rev: _ignoredRev, _deleted, ...fields } = folded.state;
  return { ...fields, _id: id, _applied: applied, _rev };
}
