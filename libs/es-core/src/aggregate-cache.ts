import { readStreamOf, StreamReader } from './aggregate-stream';
import type { Decider } from './decider';
import type { DomainEvent, RecordedEvent } from './event';

/** The bounds of an {@link AggregateCache}. Every bound evicts the least recently used stream first. */
export interface AggregateCacheOptions {
  /** Most streams held at once (default 10,000). */
  maxStreams?: number;
  /**
   * Most bytes held, approximately (default 32 MiB): the folded states as measured by
   * {@link approximateSize} plus the remembered causation ids. A stream whose state alone is
   * larger is not kept at all.
   */
  maxBytes?: number;
  /**
   * Causation ids remembered per stream for `dedupeByCausation` (default 1,024, the most
   * recent kept). A causation not among them is looked up in the part of the stream whose
   * ids were forgotten, so a smaller bound costs reads, never a wrong answer.
   */
  maxCausationsPerStream?: number;
}

export const DEFAULT_AGGREGATE_CACHE_OPTIONS: Required<AggregateCacheOptions> = {
  maxStreams: 10_000,
  maxBytes: 32 * 1024 * 1024,
  maxCausationsPerStream: 1_024,
};

/** Per causation id remembered: its key and value in a Map, as V8 roughly lays them out. */
const CAUSATION_OVERHEAD_BYTES = 48;
const ENTRY_OVERHEAD_BYTES = 200;

type Evolve = (state: never, event: never) => unknown;

/**
 * One stream's folded state. Mutated in place, and only forward (to a higher version), so a
 * command holding it while another command of this process moves it on still sees a state
 * that was true at some version and a causation map covering at least that version.
 */
class CachedStream {
  bytes = 0;
  private causationBytes = 0;
  /** The state's size when last measured, and what folding has added since (see `grow`). */
  private measuredStateBytes = 0;
  private addedSinceMeasure = 0;
  /** Causation id → the last version holding it, oldest first seen first. */
  readonly causations = new Map<string, number>();
  /** Versions `0..forgottenThrough` may hold causation ids no longer in `causations` (-1: none forgotten). */
  forgottenThrough = -1;

  constructor(
    readonly evolve: Evolve,
    public state: unknown,
    public version: number,
  ) {
    this.measuredStateBytes = approximateSize(state);
  }

  /** Moves to a later state, remembering the causations of the events that led there. */
  advance(state: unknown, version: number, events: readonly { version?: number; metadata: { causationId: string }; data: unknown }[], maxCausations: number): void {
    if (version <= this.version) return;
    this.state = state;
    this.version = version;
    for (const event of events) {
      this.addedSinceMeasure += approximateSize(event.data);
      if (event.version !== undefined) this.rememberCausation(event.metadata.causationId, event.version, maxCausations);
    }
    // Re-measure the state once the estimate could have doubled: amortised, the
    // walk costs a constant per folded event, and a state that stays small (a counter)
    // is not charged for every event it ever folded.
    if (this.addedSinceMeasure > this.measuredStateBytes) {
      this.measuredStateBytes = approximateSize(state);
      this.addedSinceMeasure = 0;
    }
    this.recount();
  }

  rememberCausation(causationId: string, version: number, maxCausations: number): void {
    const last = this.causations.get(causationId);
    if (last === undefined) {
      this.causations.set(causationId, version);
      this.causationBytes += causationId.length + CAUSATION_OVERHEAD_BYTES;
    } else if (version > last) this.causations.set(causationId, version);
    while (this.causations.size > maxCausations) {
      const [oldest, oldestVersion] = this.causations.entries().next().value as [string, number];
      this.causations.delete(oldest);
      this.causationBytes -= oldest.length + CAUSATION_OVERHEAD_BYTES;
      this.forgottenThrough = Math.max(this.forgottenThrough, oldestVersion);
    }
  }

  /**
   * Where an earlier effect of `causationId` could be, at or below `version`: `undefined`
   * when nowhere (it is not in the stream up to there), else the last version to read.
   */
  whereCausationMayBe(causationId: string, version: number): number | undefined {
    if (this.causations.has(causationId)) return version;
    if (this.forgottenThrough >= 0) return Math.min(this.forgottenThrough, version);
    return undefined;
  }

  recount(): void {
    this.bytes = ENTRY_OVERHEAD_BYTES + this.measuredStateBytes + this.addedSinceMeasure + this.causationBytes;
  }
}

/** A stream's state and version as loaded through the cache, with what dedupe needs to ask it. */
export interface LoadedAggregate<State> {
  state: State;
  /** The version of the stream's last event (-1: no stream). */
  version: number;
  /** See `CachedStream.whereCausationMayBe`. */
  whereCausationMayBe(causationId: string): number | undefined;
}

/**
 * An in-process cache of folded aggregate state, keyed by stream id: a command on a stream
 * already seen reads only the events after the cached version, folds them on, and decides.
 * It never needs to be told about other writers: every load reads the store's tail, and
 * the expected-version check of the append rejects a decision made on a state that a
 * concurrent writer (another process) moved on in between (`handleCommand` then drops the
 * stream and decides again). It holds folded state, never raw events, so upcasting (on the
 * read path, before the fold) is unaffected. States are shared: deciders treat them as
 * immutable (evolve returns a new state), and so must every caller.
 *
 * Bounded by streams, approximate bytes and causation ids per stream (see
 * {@link AggregateCacheOptions}); least recently used streams go first.
 */
export class AggregateCache {
  private readonly streams = new Map<string, CachedStream>();
  private totalBytes = 0;
  readonly bounds: Required<AggregateCacheOptions>;

  constructor(options: AggregateCacheOptions = {}) {
    this.bounds = { ...DEFAULT_AGGREGATE_CACHE_OPTIONS, ...options };
    for (const [name, value] of Object.entries(this.bounds)) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer; got ${String(value)}`);
    }
  }

  /** Streams held now. */
  get size(): number {
    return this.streams.size;
  }

  /** The approximate bytes held now (the quantity `maxBytes` bounds). */
  get approximateBytes(): number {
    return this.totalBytes;
  }

  has(streamId: string): boolean {
    return this.streams.has(streamId);
  }

  /** Forgets a stream: its next load reads it whole. */
  drop(streamId: string): void {
    const cached = this.streams.get(streamId);
    if (!cached) return;
    this.streams.delete(streamId);
    this.totalBytes -= cached.bytes;
  }

  clear(): void {
    this.streams.clear();
    this.totalBytes = 0;
  }

  /**
   * The stream's state now: the cached state with the events after its version folded on,
   * or the whole stream folded when it is not cached (or was folded by another decider).
   */
  async load<State, Event extends DomainEvent>(
    store: StreamReader,
    decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
    streamId: string,
  ): Promise<LoadedAggregate<State>> {
    const held = this.streams.get(streamId);
    let cached = held && held.evolve === decider.evolve ? held : undefined;
    if (cached) this.touch(streamId, cached);
    // The state and version as they are now: a concurrent command may move `cached` on while this one reads.
    const base = cached ? { state: cached.state as State, version: cached.version } : undefined;
    let folded = base && (await readTail(store, decider, streamId, base));
    if (!folded) {
      // Not cached, or a tail that an append-only stream cannot give: fold the whole stream.
      if (cached) this.drop(streamId);
      cached = undefined;
      const events = await readStreamOf<Event>(store, streamId);
      const state = events.reduce<State>((current, event) => decider.evolve(current, event), decider.initialState());
      folded = { state, version: events.length - 1, tail: events };
    }
    const { state, version, tail } = folded;
    if (!cached) {
      cached = new CachedStream(decider.evolve as Evolve, decider.initialState(), -1);
      this.put(streamId, cached);
    }
    this.advance(streamId, cached, state, version, tail);
    const handle = cached;
    return { state, version, whereCausationMayBe: (causationId) => handle.whereCausationMayBe(causationId, version) };
  }

  /**
   * The state and version held for the stream, without reading the store: `'unknown'` when
   * nothing is held, `'other'` when it was folded by another decider. A guess, since another
   * writer may have moved the stream on; only an append's expected-version check confirms it
   * (see `handleCommand`).
   */
  peek<State, Event extends DomainEvent>(decider: Pick<Decider<State, never, Event>, 'evolve'>, streamId: string): LoadedAggregate<State> | 'unknown' | 'other' {
    const held = this.streams.get(streamId);
    if (!held) return 'unknown';
    if (held.evolve !== decider.evolve) return 'other';
    this.touch(streamId, held);
    const { state, version } = held;
    return { state: state as State, version, whereCausationMayBe: (causationId) => held.whereCausationMayBe(causationId, version) };
  }

  /**
   * After an append that created the stream (expected version `no_stream` held): its state is
   * exactly what the appended events fold to, so it is held without reading anything back.
   */
  recordCreation<State, Event extends DomainEvent>(
    streamId: string,
    decider: Pick<Decider<State, never, Event>, 'evolve'>,
    state: State,
    appended: readonly { metadata: { causationId: string }; data: unknown }[],
  ): void {
    if (appended.length === 0) return;
    // Held since a read found no stream: moved on like any other append.
    if (this.streams.has(streamId)) return this.recordAppend(streamId, decider, state, appended.length - 1, appended);
    const cached = new CachedStream(decider.evolve as Evolve, state, -1);
    this.put(streamId, cached);
    this.advance(
      streamId,
      cached,
      state,
      appended.length - 1,
      appended.map((event, index) => ({ ...event, version: index })),
    );
  }

  /** After an append: the state it led to, so the next command does not read its own events back. */
  recordAppend<State, Event extends DomainEvent>(
    streamId: string,
    decider: Pick<Decider<State, never, Event>, 'evolve'>,
    state: State,
    version: number,
    appended: readonly { metadata: { causationId: string }; data: unknown }[],
  ): void {
    const cached = this.streams.get(streamId);
    if (!cached || cached.evolve !== decider.evolve) return;
    const firstVersion = version - appended.length + 1;
    if (firstVersion !== cached.version + 1) return;
    this.advance(
      streamId,
      cached,
      state,
      version,
      appended.map((event, index) => ({ ...event, version: firstVersion + index })),
    );
  }

  private advance(
    streamId: string,
    cached: CachedStream,
    state: unknown,
    version: number,
    events: readonly { version?: number; metadata: { causationId: string }; data: unknown }[],
  ): void {
    const before = cached.bytes;
    cached.advance(state, version, events, this.bounds.maxCausationsPerStream);
    if (this.streams.get(streamId) === cached) this.totalBytes += cached.bytes - before;
    this.evict();
  }

  private put(streamId: string, cached: CachedStream): void {
    this.drop(streamId);
    cached.recount();
    this.streams.set(streamId, cached);
    this.totalBytes += cached.bytes;
  }

  private touch(streamId: string, cached: CachedStream): void {
    this.streams.delete(streamId);
    this.streams.set(streamId, cached);
  }

  private evict(): void {
    while (this.streams.size > this.bounds.maxStreams || (this.totalBytes > this.bounds.maxBytes && this.streams.size > 0)) {
      const oldest = this.streams.keys().next().value as string;
      this.drop(oldest);
    }
  }
}

/** The cached state moved on by the stream's events after it; `undefined` when they do not follow on. */
async function readTail<State, Event extends DomainEvent>(
  store: StreamReader,
  decider: Pick<Decider<State, never, Event>, 'evolve'>,
  streamId: string,
  base: { state: State; version: number },
): Promise<{ state: State; version: number; tail: RecordedEvent<Event>[] } | undefined> {
  const read = await readStreamOf<Event>(store, streamId, { fromVersion: base.version + 1 });
  const tail = read.filter((event) => event.version > base.version);
  if (!isContiguousFrom(tail, base.version + 1)) return undefined;
  const state = tail.reduce<State>((current, event) => decider.evolve(current, event), base.state);
  return { state, version: base.version + tail.length, tail };
}

function isContiguousFrom(events: readonly RecordedEvent[], from: number): boolean {
  return events.every((event, index) => event.version === from + index);
}

/**
 * A rough size in bytes of a plain-data value as V8 holds it (strings at a byte per
 * character, numbers at 8, objects with a header and a slot per property). Good for
 * bounding a cache by orders of magnitude, not for accounting.
 */
export function approximateSize(value: unknown, depth = 0): number {
  if (depth > 64) return 0;
  switch (typeof value) {
    case 'string':
      return 16 + value.length;
    case 'number':
    case 'boolean':
    case 'undefined':
      return 8;
    case 'bigint':
      return 24;
    case 'object': {
      if (value === null) return 8;
      if (value instanceof Date) return 32;
      if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + 8 + approximateSize(item, depth + 1), 16);
      let size = 24;
      for (const [key, item] of Object.entries(value)) size += 8 + key.length + approximateSize(item, depth + 1);
      return size;
    }
    default:
      return 8;
  }
}
