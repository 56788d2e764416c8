import { createHash } from 'node:crypto';
import { EventToAppend, GENESIS_HASH, Json, RecordedEvent, decodeJson } from '@lib/es-core';
import { canonicalTextsOf, GlobalPage, hashTail } from './sql-statements';

/** The bounds of a {@link RecentLog}; the oldest events go first. */
export interface RecentLogBounds {
  /** Most events held (default 1,024). */
  maxEvents: number;
  /** Most bytes held, approximately: twice the characters of their stored JSON (default 4 MiB). */
  maxBytes: number;
  /** Most streams whose head hash is remembered, to chain the next append in memory (default 4,096). */
  maxStreamHeads: number;
}

export const DEFAULT_RECENT_LOG_BOUNDS: RecentLogBounds = { maxEvents: 1_024, maxBytes: 4 * 1024 * 1024, maxStreamHeads: 4_096 };

/** An event as the database stores it: data and metadata as the JSON values a read parses, in jsonb's key order. */
interface HeldEvent {
  globalPosition: bigint;
  streamId: string;
  version: number;
  type: string;
  data: Json;
  metadata: Json;
  bytes: number;
}

const EVENT_OVERHEAD_BYTES = 200;
const HEAD_OVERHEAD_BYTES = 150;

/**
 * The most recent part of one schema's global log, kept in memory by the process that alone
 * writes it (PGlite: one process owns the database, and runs one statement at a time, so the
 * order appends are recorded in is their commit order and their position order). `readAll`
 * and subscriptions reading just behind the head, which is where relays and the scheduler
 * read after every append's wake-up, are answered from here instead of by a statement.
 *
 * Invariant: once anchored, every event of the schema with a position above `from` is in
 * `events`, in position order. It is anchored by a read of the database that reached the
 * end of the log, and kept so because every append is recorded (by the caller, before the
 * database runs its next statement). An append whose events cannot be rebuilt exactly (the
 * stream's previous hash is not remembered, so the chained metadata is unknown) moves `from`
 * past it: readers behind it read the database once more.
 *
 * What a read hands out is what a database read would: the same fields, data and metadata
 * decoded from the JSON values the database would return (parsed from the text the append
 * stored, with jsonb's key order), each read its own copy.
 */
export class RecentLog {
  private from: bigint | undefined;
  private events: HeldEvent[] = [];
  private first = 0;
  private bytes = 0;
  private readonly heads = new Map<string, { version: number; hash: string }>();

  constructor(readonly bounds: RecentLogBounds = DEFAULT_RECENT_LOG_BOUNDS) {}

  /** Events held now (for tests and the bench). */
  get size(): number {
    return this.events.length - this.first;
  }

  /** The approximate bytes held now (events and remembered stream heads). */
  get approximateBytes(): number {
    return this.bytes + this.heads.size * HEAD_OVERHEAD_BYTES;
  }

  /**
   * The page after `after`, or `undefined` when it cannot be answered from memory (not
   * anchored yet, or `after` lies before the oldest event held).
   */
  read(after: bigint | undefined, limit: number): RecordedEvent[] | undefined {
    if (this.from === undefined) return undefined;
    const cursor = after ?? -1n;
    if (cursor < this.from) return undefined;
    const events = this.events;
    let low = this.first;
    let high = events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (events[middle].globalPosition <= cursor) low = middle + 1;
      else high = middle;
    }
    const end = Math.min(events.length, low + limit);
    const page = new Array<RecordedEvent>(end - low);
    for (let index = low; index < end; index += 1) {
      const held = events[index];
      page[index - low] = {
        streamId: held.streamId,
        version: held.version,
        globalPosition: held.globalPosition,
        type: held.type,
        data: decodeJson<Record<string, unknown>>(held.data),
        metadata: decodeJson<RecordedEvent['metadata']>(held.metadata),
      };
    }
    return page;
  }

  /**
   * After a read of the database (in the same turn of its statement lock): when the page
   * reached the end of the log, everything after the newest position is known to be empty,
   * which anchors an empty log at that position.
   */
  observeRead(page: GlobalPage, limit: number): void {
    if (this.from !== undefined || page.events.length >= limit) return;
    if (page.newest !== null && page.newest >= page.horizon) return;
    this.from = page.newest ?? -1n;
  }

  /**
   * After a committed append (in the same turn of the database's statement lock): the
   * events as the database stored them, chained on the stream's previous hash.
   */
  recordAppend(streamId: string, events: readonly EventToAppend[], streamVersion: number, lastPosition: bigint): void {
    const count = events.length;
    if (count === 0) return;
    const firstVersion = streamVersion - count + 1;
    const firstPosition = lastPosition - BigInt(count - 1);
    const head = this.heads.get(streamId);
    const chainedOn = firstVersion === 0 ? GENESIS_HASH : head && head.version === firstVersion - 1 ? head.hash : undefined;
    this.heads.delete(streamId);
    if (chainedOn === undefined || (this.from !== undefined && firstPosition <= this.newestHeld())) {
      this.skipTo(lastPosition);
      return;
    }
    let previous: string = chainedOn;
    const held: HeldEvent[] = [];
    for (let index = 0; index < count; index += 1) {
      const event = events[index];
      const version = firstVersion + index;
      const { data: dataText, metadata: metadataText } = canonicalTextsOf(event);
      const hash: string = createHash('sha256')
        .update(`${previous}\n{"data":${dataText},"metadata":${metadataText}${hashTail(streamId, event.type)}${version}}`)
        .digest('hex');
      const storedMetadata = `${metadataText.slice(0, -1)},"hash":"${hash}","previousHash":"${previous}"}`;
      held.push({
        globalPosition: firstPosition + BigInt(index),
        streamId,
        version,
        type: event.type,
        data: inJsonbOrder(JSON.parse(dataText) as Json),
        metadata: inJsonbOrder(JSON.parse(storedMetadata) as Json),
        bytes: EVENT_OVERHEAD_BYTES + 2 * (dataText.length + storedMetadata.length + streamId.length + event.type.length),
      });
      previous = hash;
    }
    this.heads.set(streamId, { version: streamVersion, hash: previous });
    while (this.heads.size > this.bounds.maxStreamHeads) this.heads.delete(this.heads.keys().next().value as string);
    if (this.from === undefined) return;
    for (const event of held) {
      this.events.push(event);
      this.bytes += event.bytes;
    }
    this.trim();
  }

  private newestHeld(): bigint {
    return this.size > 0 ? this.events[this.events.length - 1].globalPosition : (this.from ?? -1n);
  }

  /** Forgets what is held: the log is known again only from `position` on. */
  private skipTo(position: bigint): void {
    if (this.from === undefined) return;
    this.events = [];
    this.first = 0;
    this.bytes = 0;
    if (position > this.from) this.from = position;
  }

  private trim(): void {
    while (this.size > 0 && (this.size > this.bounds.maxEvents || this.bytes > this.bounds.maxBytes)) {
      const oldest = this.events[this.first];
      this.first += 1;
      this.bytes -= oldest.bytes;
      this.from = oldest.globalPosition;
    }
    // Compact once the dropped prefix outweighs what is held, so the array stays within twice the bound.
    if (this.first > 64 && this.first * 2 > this.events.length) {
      this.events = this.events.slice(this.first);
      this.first = 0;
    }
  }
}

/**
 * A JSON value with every object's keys in the order jsonb keeps them (shorter keys first,
 * then by their UTF-8 bytes), which is the order a value read back from the database has.
 */
export function inJsonbOrder(value: Json): Json {
  if (Array.isArray(value)) return value.map(inJsonbOrder);
  if (value === null || typeof value !== 'object') return value;
  const keys = jsonbKeyOrder(Object.keys(value));
  const ordered: { [key: string]: Json } = {};
  for (const key of keys) ordered[key] = inJsonbOrder(value[key]);
  return ordered;
}

/** Most key lists whose jsonb order {@link jsonbKeyOrder} remembers; past it, lists are sorted each time. */
const MAX_REMEMBERED_KEY_ORDERS = 1_024;
const keyOrders = new Map<string, string[]>();

/**
 * `keys` in jsonb's order. Events of one type carry objects of a few shapes, so the order
 * is sorted once per distinct key list (as `Object.keys` lists them) and looked up after.
 * With the texts the append already encoded (`canonicalTextsOf`), recording a placement's
 * event went from about 0.033 to 0.020-0.027 ms (docs/benchmarks.md, placements round 4).
 */
function jsonbKeyOrder(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  // JSON text: unambiguous whatever the keys hold (a join could make two lists one).
  const signature = JSON.stringify(keys);
  let ordered = keyOrders.get(signature);
  if (ordered === undefined) {
    ordered = [...keys].sort(compareJsonbKeys);
    if (keyOrders.size < MAX_REMEMBERED_KEY_ORDERS) keyOrders.set(signature, ordered);
  }
  return ordered;
}

const NOT_ASCII = /[^ -~]/;

function compareJsonbKeys(left: string, right: string): number {
  // Printable ASCII (nearly every key): one byte per character, so length and code-unit order are byte order.
  if (!NOT_ASCII.test(left) && !NOT_ASCII.test(right)) {
    if (left.length !== right.length) return left.length - right.length;
    return left < right ? -1 : left > right ? 1 : 0;
  }
  const a = Buffer.from(left, 'utf8');
  const b = Buffer.from(right, 'utf8');
  return a.length !== b.length ? a.length - b.length : Buffer.compare(a, b);
}
