import { AppendResult, EventToAppend, ExpectedVersion, Json, RecordedEvent, WrongExpectedVersionError } from '@lib/es-core';

export interface ReadStreamOptions {
  /**
   * Read from this version on (inclusive): the events a reader that already folded
   * versions `0..fromVersion-1` still needs. Past the stream's end: an empty array.
   */
  fromVersion?: number;
  /** Read up to and including this version (point-in-time by version). */
  toVersion?: number;
  /** Read only events whose `metadata.occurredAt` is at or before this instant (point-in-time by time). */
  toTime?: Date;
}

/** One stream's part of {@link EventStore.appendToStreams}: what `appendToStream` takes, as one value. */
export interface StreamAppend {
  streamId: string;
  events: readonly EventToAppend[];
  expectedVersion: ExpectedVersion;
}

/** What became of one {@link StreamAppend}: appended, or refused because its expected version did not hold. */
export type StreamAppendOutcome = { appended: true; result: AppendResult } | { appended: false; refusal: WrongExpectedVersionError };

export interface ReadAllOptions {
  /**
   * Exclusive: return events strictly after this global position. Omitted or negative
   * (a checkpoint rewound to -1): from the start.
   */
  after?: bigint;
  /** At most this many events (default 1000). */
  limit?: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: deliver events strictly after this global position. Omitted or negative: from the start. */
  after?: bigint;
  /** Called once per event, in global order; the next event waits until it resolves. */
  onEvent: (event: RecordedEvent) => Promise<void>;
  /** Called if the subscription stops on an error (including one thrown by onEvent). */
  onError?: (error: unknown) => void;
}

export interface EventStoreSubscription {
  /** Stops delivery; resolves once no handler is running and none will start. */
  close(): Promise<void>;
}

/**
 * The event store port. Versions are 0-based (first event = version 0), the same in
 * every adapter. Appends are atomic: all events of one call or none. The store links
 * each stream's events into a hash chain (`chainEvents` from `@lib/es-core`).
 * Global positions follow commit order, so a reader that has seen position p never
 * later finds a new event below p.
 */
export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult>;
  /**
   * Many streams' appends in one call (a file's accounts, placed a chunk at a time), in the
   * order given, each exactly as `appendToStream` would make it: its expected version checked,
   * all its events or none. A stream whose expected version does not hold is refused on its
   * own (its outcome says so, with the version found) and the others go on: the caller
   * takes that stream up alone. One outcome per append, in the same order. A stream may
   * appear once per call (a RangeError otherwise). Any other failure (a malformed event,
   * found before anything is sent; a duplicate event id; the store unreachable) rejects the
   * call, and then any of the appends may or may not have been made; the SQL adapters make
   * them in one transaction, so there none was. EventStoreDB makes them one by one.
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendOutcome[]>;
  /** A missing stream reads as an empty array. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up then live subscription to every stream, in global order. */
  subscribeToAll(options: SubscribeOptions): EventStoreSubscription;
  /**
   * Optional wake-up signal for readers that read the log themselves (the relay): calls
   * `listener` after events were committed, at once for appends through this store object
   * and, where the adapter has LISTEN/NOTIFY, for other processes' appends too. A hint,
   * never the events: it may come late, twice or not at all, so a reader still reads
   * again now and then. Returns a function that stops the calls.
   */
  onAppended?(listener: () => void): () => void;
  /**
   * Resolves once the store answered a trivial request; rejects with why it could not
   * (unreachable, closed). Readiness probes call it: it reads no events.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Durable named checkpoints (relays, projections, consumers). */
export interface CheckpointStore {
  load(name: string): Promise<bigint | null>;
  save(name: string, position: bigint): Promise<void>;
}

/** A consumer's own fold of the global log, and the position it covers (every event at or below it). */
export interface PositionedState {
  position: bigint;
  state: Json;
}

/**
 * Durable named states, each with the position it covers, so a consumer that keeps an
 * index of the log (the durable scheduler) resumes from there instead of re-reading the
 * whole log at every start. Saving replaces the previous state of that name. The SQL
 * adapters keep them in the checkpoints table; EventStoreDB does not offer it.
 */
export interface StateSnapshotStore {
  /** The last saved state of `name`, or null if none was saved. */
  loadState(name: string): Promise<PositionedState | null>;
  saveState(name: string, snapshot: PositionedState): Promise<void>;
}

/** Whether `store` also keeps positioned states (the SQL adapters do). */
export function isStateSnapshotStore(store: object): store is StateSnapshotStore {
  const candidate = store as Partial<StateSnapshotStore>;
  return typeof candidate.loadState === 'function' && typeof candidate.saveState === 'function';
}

/**
 * A stream read for a tamper check that remembers what it already verified: every stored
 * event's content digest (SHA-256 of its type, data and metadata as the database holds
 * them, so any change to a row changes it), and the events themselves only from
 * `wholeFromVersion` on. Both come from one statement, so they are of one snapshot.
 */
export interface StreamDigestRead {
  /** `digests[i]` is the digest of the i-th stored event in version order (hex). */
  digests: string[];
  /** The version of each of those events, in the same order (a gap means a row is missing). */
  versions: number[];
  /** The stored events with version `wholeFromVersion` or later, in version order. */
  events: RecordedEvent[];
}

/**
 * What a stream holds, in one digest: its number of events, their first and last
 * versions, and the SHA-256 (hex) of their content digests (as `StreamDigestRead.digests`,
 * hex, concatenated in version order). A check that remembers a stream's digests compares
 * this one value instead of reading every digest back; every row is still read and
 * hashed to make it (the SQL stores have the database render each row's text and hash it
 * in the process).
 */
export interface StreamFingerprint {
  streamId: string;
  events: number;
  firstVersion: number;
  lastVersion: number;
  fingerprint: string;
}

/** Stores that can answer {@link StreamDigestRead} and {@link StreamFingerprint} (the SQL adapters). */
export interface StreamDigestReader {
  readStreamDigests(streamId: string, wholeFromVersion: number): Promise<StreamDigestRead>;
  /** The fingerprints of the streams among `streamIds` that hold events (one statement, so one snapshot), in no particular order. */
  readStreamFingerprints(streamIds: readonly string[]): Promise<StreamFingerprint[]>;
}

/** Whether `store` can read a stream's content digests (the SQL adapters can). */
export function isStreamDigestReader(store: object): store is StreamDigestReader {
  const candidate = store as Partial<StreamDigestReader>;
  return typeof candidate.readStreamDigests === 'function' && typeof candidate.readStreamFingerprints === 'function';
}
