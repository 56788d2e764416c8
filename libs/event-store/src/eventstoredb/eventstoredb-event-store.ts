import { createRequire } from 'node:module';
import type * as Esdb from '@eventstore/db-client';
import type {
  AllStreamRecordedEvent,
  AllStreamSubscription,
  AppendExpectedRevision,
  EventStoreDBClient,
  JSONType,
  Position,
} from '@eventstore/db-client';
import {
  AppendResult,
  EventToAppend,
  ExpectedVersion,
  GENESIS_HASH,
  Json,
  RecordedEvent,
  WrongExpectedVersionError,
  chainEvents,
  decodeJson,
  encodeJson,
} from '@lib/es-core';
import { validateEventsToAppend, validateStreamAppends } from '../append-validation';
import { CheckpointStore, EventStore, EventStoreSubscription, ReadAllOptions, ReadStreamOptions, StreamAppend, StreamAppendOutcome, SubscribeOptions } from '../event-store.port';
import { CurrentVersion, assertExpectedVersion, validateExpectedVersion } from '../expected-version';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`. Ignored when `client` is given. */
  connectionString?: string;
  /** A client owned by the caller: the store does not dispose of it. */
  client?: EventStoreDBClient;
  /** Prefix of the streams holding checkpoints (default `checkpoint-`); hidden from readAll and subscriptions. */
  checkpointStreamPrefix?: string;
  /**
   * How often an append with `any` or `stream_exists` is re-chained and retried when
   * another writer moved the stream between our read of its head and our write (default 5).
   */
  appendRetries?: number;
}

const DEFAULT_READ_ALL_LIMIT = 1000;
const CHECKPOINT_EVENT_TYPE = 'CheckpointSaved';

/**
 * The port's expected version in EventStoreDB's terms. Both count versions from 0, so a
 * number maps to the same revision.
 */
export function toEsdbExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return esdb().NO_STREAM;
    case 'stream_exists':
      return esdb().STREAM_EXISTS;
    case 'any':
      return esdb().ANY;
    default:
      return BigInt(expected);
  }
}

/**
 * Our global position is the $all commit position. Events appended through gRPC are
 * committed one log record each, so the commit position is unique per event (see
 * docs/event-store.md); the prepare position is the same number.
 */
export function toEsdbPosition(globalPosition: bigint): Position {
  return { commit: globalPosition, prepare: globalPosition };
}

/**
 * EventStoreDB adapter. EventStoreDB checks the expected revision on the server, but the
 * hash chain needs the previous event's hash, read before the write; every append is
 * therefore sent with the exact revision that was read, so two writers can never both
 * link to the same predecessor. The caller's `any`/`stream_exists` are checked here and
 * retried on a moved head; numbers and `no_stream` map one to one.
 */
export class EventStoreDbEventStore implements EventStore, CheckpointStore {
  private readonly client: EventStoreDBClient;
  private readonly ownsClient: boolean;
  private readonly checkpointPrefix: string;
  private readonly appendRetries: number;
  private readonly subscriptions = new Set<EventStoreSubscription>();
  private readonly trimmedCheckpointStreams = new Set<string>();
  private closed = false;

  constructor(options: EventStoreDbEventStoreOptions) {
    if (options.client) {
      this.client = options.client;
      this.ownsClient = false;
    } else {
      if (!options.connectionString) throw new Error('EventStoreDbEventStore needs a connectionString or a client');
      this.client = esdb().EventStoreDBClient.connectionString(options.connectionString);
      this.ownsClient = true;
    }
    this.checkpointPrefix = options.checkpointStreamPrefix ?? 'checkpoint-';
    this.appendRetries = options.appendRetries ?? 5;
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult> {
    this.assertOpen();
    const { expectedVersion } = options;
    validateExpectedVersion(expectedVersion);
    validateEventsToAppend(streamId, events);
    for (let attempt = 0; ; attempt += 1) {
      const head = await this.readHead(streamId);
      const current: CurrentVersion = head ? Number(head.revision) : 'no_stream';
      assertExpectedVersion(streamId, expectedVersion, current);
      if (events.length === 0) {
        return { nextExpectedVersion: head ? Number(head.revision) : -1, lastGlobalPosition: head?.position ?? -1n };
      }
      const firstVersion = head ? Number(head.revision) + 1 : 0;
      const chained = chainEvents(streamId, head?.hash ?? GENESIS_HASH, firstVersion, events);
      const strict = typeof expectedVersion === 'number' || expectedVersion === 'no_stream';
      const revision: AppendExpectedRevision = strict
        ? toEsdbExpectedRevision(expectedVersion)
        : head
          ? head.revision
          : esdb().NO_STREAM;
      try {
        const result = await this.client.appendToStream(streamId, chained.map(toEventData), { expectedRevision: revision });
        const lastRevision = result.nextExpectedRevision;
        const lastGlobalPosition =
          (events.length === 1 ? knownCommit(result.position) : await this.positionOf(streamId, lastRevision)) ??
          knownCommit(result.position) ??
          -1n;
        return { nextExpectedVersion: Number(lastRevision), lastGlobalPosition };
      } catch (error) {
        if (!(error instanceof esdb().WrongExpectedVersionError)) throw error;
        if (strict || attempt >= this.appendRetries) {
          const actual = error.actualVersion;
          throw new WrongExpectedVersionError(streamId, expectedVersion, typeof actual === 'bigint' ? Number(actual) : 'no_stream');
        }
      }
    }
  }

  /** EventStoreDB writes one stream per request: the appends go one after the other, in order. */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendOutcome[]> {
    this.assertOpen();
    validateStreamAppends(appends);
    const outcomes: StreamAppendOutcome[] = [];
    for (const { streamId, events, expectedVersion } of appends) {
      try {
        outcomes.push({ appended: true, result: await this.appendToStream(streamId, events, { expectedVersion }) });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        outcomes.push({ appended: false, refusal: error });
      }
    }
    return outcomes;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (options.toVersion !== undefined && !Number.isInteger(options.toVersion)) {
      throw new RangeError(`toVersion must be an integer; got ${options.toVersion}`);
    }
    if (options.fromVersion !== undefined && !Number.isInteger(options.fromVersion)) {
      throw new RangeError(`fromVersion must be an integer; got ${options.fromVersion}`);
    }
    const from = Math.max(options.fromVersion ?? 0, 0);
    if (options.toVersion !== undefined && options.toVersion < from) return [];
    const toTime = options.toTime?.getTime();
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: esdb().FORWARDS,
        fromRevision: from === 0 ? esdb().START : BigInt(from),
        ...(options.toVersion !== undefined ? { maxCount: BigInt(options.toVersion - from + 1) } : {}),
      });
      for await (const resolved of read) {
        if (!resolved.event) continue;
        const event = toRecordedEvent(resolved.event, knownCommit(resolved.event.position) ?? -1n);
        if (toTime !== undefined && Date.parse(event.metadata.occurredAt) > toTime) continue;
        events.push(event);
      }
    } catch (error) {
      if (error instanceof esdb().StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer; got ${limit}`);
    const out: RecordedEvent[] = [];
    let from = fromStartIfNegative(options.after);
    // System and checkpoint events are filtered out here, so one page may not fill the
    // limit: keep reading until it is filled or $all ends.
    for (;;) {
      // +1: the event at `from` itself comes back first. The floor keeps a run of
      // filtered-out system events from costing one round trip per event.
      const pageSize = Math.max(limit - out.length + 1, 256);
      let seen = 0;
      let lastRaw: bigint | undefined;
      const read = this.client.readAll({
        direction: esdb().FORWARDS,
        fromPosition: from === undefined ? esdb().START : toEsdbPosition(from),
        maxCount: pageSize,
      });
      for await (const resolved of read) {
        seen += 1;
        const event = resolved.event;
        if (!event) continue;
        lastRaw = event.position.commit;
        // fromPosition is inclusive; our `after` is not.
        if (from !== undefined && event.position.commit <= from) continue;
        if (this.isHidden(event)) continue;
        out.push(toRecordedEvent(event, event.position.commit));
        if (out.length === limit) break;
      }
      if (out.length === limit || seen < pageSize || lastRaw === undefined) return out;
      from = lastRaw;
    }
  }

  subscribeToAll(options: SubscribeOptions): EventStoreSubscription {
    this.assertOpen();
    const { onEvent, onError } = options;
    const after = fromStartIfNegative(options.after);
    const stream: AllStreamSubscription = this.client.subscribeToAll({
      fromPosition: after === undefined ? esdb().START : toEsdbPosition(after),
      filter: esdb().excludeSystemEvents(),
    });
    let closed = false;
    const done = (async () => {
      try {
        // for-await, not a 'data' listener: handlers must run one at a time, in order.
        for await (const resolved of stream) {
          if (closed) return;
          const event = resolved.event;
          if (!event || this.isHidden(event)) continue;
          if (after !== undefined && event.position.commit <= after) continue;
          await onEvent(toRecordedEvent(event, event.position.commit));
        }
      } catch (error) {
        if (closed) return;
        closed = true;
        await stream.unsubscribe().catch(() => undefined);
        if (onError) onError(error);
        else console.error('event store subscription stopped', error);
      }
    })();
    const subscription: EventStoreSubscription = {
      close: async () => {
        if (!closed) {
          closed = true;
          await stream.unsubscribe().catch(() => undefined);
        }
        await done;
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    void done.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async load(name: string): Promise<bigint | null> {
    this.assertOpen();
    const last = await this.readLast(this.checkpointStream(name));
    if (!last) return null;
    const data = decodeJson<{ position: bigint }>(last.data as Json);
    return data.position;
  }

  async save(name: string, position: bigint): Promise<void> {
    this.assertOpen();
    const stream = this.checkpointStream(name);
    await this.client.appendToStream(
      stream,
      esdb().jsonEvent({ type: CHECKPOINT_EVENT_TYPE, data: encodeJson({ position }) as JSONType }),
      { expectedRevision: esdb().ANY },
    );
    // Only the latest checkpoint matters; let the server scavenge the rest.
    if (!this.trimmedCheckpointStreams.has(stream)) {
      await this.client.setStreamMetadata(stream, { maxCount: 3 });
      this.trimmedCheckpointStreams.add(stream);
    }
  }

  /** Reads the last entry of `$all`: the cheapest request every node answers. */
  async ping(): Promise<void> {
    this.assertOpen();
    for await (const resolved of this.client.readAll({ direction: esdb().BACKWARDS, fromPosition: esdb().END, maxCount: 1 })) void resolved;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    if (this.ownsClient) await this.client.dispose();
  }

  private checkpointStream(name: string): string {
    return `${this.checkpointPrefix}${name}`;
  }

  private isHidden(event: AllStreamRecordedEvent): boolean {
    return event.streamId.startsWith('$') || event.type.startsWith('$') || event.streamId.startsWith(this.checkpointPrefix);
  }

  private async readHead(streamId: string): Promise<{ revision: bigint; hash: string; position: bigint } | null> {
    const last = await this.readLast(streamId);
    if (!last) return null;
    const metadata = decodeJson<{ hash?: unknown }>(last.metadata as Json);
    if (typeof metadata.hash !== 'string') {
      throw new Error(`stream ${streamId}: last event ${last.id} carries no hash; it was not written through this store`);
    }
    return { revision: last.revision, hash: metadata.hash, position: knownCommit(last.position) ?? -1n };
  }

  private async readLast(streamId: string) {
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: esdb().BACKWARDS, fromRevision: esdb().END, maxCount: 1 })) {
        if (resolved.event) return resolved.event;
      }
    } catch (error) {
      if (error instanceof esdb().StreamNotFoundError) return null;
      throw error;
    }
    return null;
  }

  /** The $all position of one event, read back because a batch's append result names only one position. */
  private async positionOf(streamId: string, revision: bigint): Promise<bigint | undefined> {
    for await (const resolved of this.client.readStream(streamId, { direction: esdb().FORWARDS, fromRevision: revision, maxCount: 1 })) {
      return knownCommit(resolved.event?.position);
    }
    return undefined;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event store (EventStoreDB) is closed');
  }
}

/**
 * The SQL adapters read `after: -1n` as "from the start" (positions start at 1), and a
 * rewound relay checkpoint is exactly that (see `rewindRelaysOnStart` in
 * `@lib/integration`). A $all position is unsigned, so a negative one cannot even be
 * encoded: read it as no position at all.
 */
function fromStartIfNegative(after: bigint | undefined): bigint | undefined {
  return after !== undefined && after < 0n ? undefined : after;
}

/**
 * Stream reads carry a $all position only from server 22.6 on; older servers send
 * 2^64-1 for "unknown". readStream then reports -1n, which no $all read ever returns.
 */
function knownCommit(position: Position | undefined): bigint | undefined {
  if (!position || position.commit >= 2n ** 63n) return undefined;
  return position.commit;
}

function toEventData(event: EventToAppend) {
  return esdb().jsonEvent({
    id: event.metadata.eventId,
    type: event.type,
    data: encodeJson(event.data) as JSONType,
    metadata: encodeJson(event.metadata) as JSONType,
  });
}

interface EsdbStoredEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
}

function toRecordedEvent(event: EsdbStoredEvent, globalPosition: bigint): RecordedEvent {
  if (!event.isJson) throw new Error(`stream ${event.streamId}: event ${event.id} is not JSON; this store only writes JSON events`);
  return {
    streamId: event.streamId,
    version: Number(event.revision),
    globalPosition,
    type: event.type,
    data: decodeJson<Record<string, unknown>>(event.data as Json),
    metadata: decodeJson<RecordedEvent['metadata']>(event.metadata as Json),
  };
}

const requireHere = createRequire(__filename);
let esdbLoaded: typeof Esdb | undefined;

/**
 * The EventStoreDB client (with gRPC and protobuf, about 300 modules) is loaded when a store
 * is made, not with the library: the all-in-one, on PGlite, does not carry it
 * (docs/benchmarks.md, the all-in-one's idle memory).
 */
function esdb(): typeof Esdb {
  return (esdbLoaded ??= requireHere('@eventstore/db-client') as typeof Esdb);
}
