/**
 * What the scheduler keeps of a pending item: enough to know when it is due and what the
 * next append to its stream expects, not its payload (read from the stream when it fires).
 */
export interface IndexedWork {
  kind: string;
  dueMs: number;
  /** After a failure, the item waits until then (ms since the epoch). */
  retryMs?: number;
  version: number;
  failures: number;
}

/**
 * The index as saved: `bytes` holds, for `count` items in order of first indexing, the
 * due times (float64), versions, pattern numbers (into `patterns`) and first UUIDs
 * (uint32 words), the second UUIDs of the items whose pattern has two, then kind numbers
 * (uint16, into `kinds`); all in the machine's byte order. A pattern is the text around an
 * id's UUIDs (one part: the whole id). `failed`: [item, failures, retry ms] of the few
 * items that failed.
 */
export interface PendingColumns {
  count: number;
  kinds: string[];
  patterns: string[][];
  failed: Array<[number, number, number]>;
  bytes: Uint8Array;
}

/**
 * The pending index in packed columns: a slot per item in chunks of typed arrays, the work
 * id held as a pattern (the id with its UUIDs cut out, shared by every id built the same
 * way: `legal-review-<uuid>`, `cadence-step-<uuid>-2-0`) plus the UUIDs' 16 bytes each, and
 * an open-addressing table of slots instead of a `Map` keyed by id strings. An open account
 * keeps a few items pending for weeks, so this is most of what the scheduler holds per
 * account: about 55 bytes an item here against about 225 as an object in a `Map`
 * (docs/benchmarks.md, "Pending index per item (sched)").
 *
 * Ids without a lower-case UUID, or with more than two, are kept whole as their own
 * pattern (as much as before); they are the tests' and the odd caller's, not the bulk.
 * Chunks are never given back: the index keeps room for as many items as it ever held.
 */
export class PendingIndex {
  private readonly chunks: Chunk[] = [];
  /** Slot + 1 at each position of an open-addressing (linear probing) table; 0 is empty. */
  private table = new Int32Array(INITIAL_TABLE);
  private count = 0;
  private slotsInUse = 0;
  private readonly freeSlots: number[] = [];
  /** Order of first indexing: ties in due time fire in it, as the `Map` this replaced did. */
  private nextSequence = 0;
  private readonly kinds: string[] = [];
  private readonly kindIds = new Map<string, number>();
  private readonly patterns = new PatternTable();
  /** The id `encode` last read into the fields below (not any more once a slot's key is loaded). */
  private encodedId: string | undefined;
  /** Its UUIDs (zero for an id kept whole), how many, where they start, and its pattern's hash. */
  private readonly keyWords = new Uint32Array(KEY_WORDS);
  private keyUuids = 0;
  private keyFirstAt = 0;
  private keySecondAt = 0;
  private keyPatternHash = 0;
  /** Pattern id + 1 of the key (0: no such pattern), and the key's hash. */
  private keyPattern = 0;
  private keyHash = 0;

  get size(): number {
    return this.count;
  }

  get(workId: string): IndexedWork | undefined {
    const slot = this.find(workId);
    return slot < 0 ? undefined : this.read(slot);
  }

  has(workId: string): boolean {
    return this.find(workId) >= 0;
  }

  /** Adds the item or updates it in place (keeping its place in the order of first indexing). */
  set(workId: string, item: IndexedWork): void {
    let slot = this.find(workId);
    if (slot < 0) {
      this.keyPattern = this.patterns.intern(workId, this.keyPatternHash, this.keyUuids, this.keyFirstAt, this.keySecondAt) + 1;
      this.keyHash = this.hashOfKey();
      slot = this.insertKey();
    }
    this.write(slot, item);
  }

  delete(workId: string): boolean {
    const slot = this.find(workId);
    if (slot < 0) return false;
    this.removeSlot(slot);
    return true;
  }

  /**
   * The ids of the items whose time (due, or retry after a failure) is at or before
   * `nowMs`, soonest due first, ties in order of first indexing; and the earliest time of
   * the others (Infinity if none).
   */
  due(nowMs: number): { ids: string[]; earliestNotDue: number } {
    const slots: number[] = [];
    const dues: number[] = [];
    const sequences: number[] = [];
    let earliestNotDue = Number.POSITIVE_INFINITY;
    for (let chunkIndex = 0; chunkIndex < this.chunks.length; chunkIndex += 1) {
      const { pattern, due, retry, sequence } = this.chunks[chunkIndex];
      const end = Math.min(CHUNK, this.slotsInUse - chunkIndex * CHUNK);
      for (let offset = 0; offset < end; offset += 1) {
        if (pattern[offset] === 0) continue;
        const retryMs = retry ? retry[offset] : Number.NaN;
        const at = retryMs > due[offset] ? retryMs : due[offset];
        if (at <= nowMs) {
          slots.push(chunkIndex * CHUNK + offset);
          dues.push(due[offset]);
          sequences.push(sequence[offset]);
        } else if (at < earliestNotDue) earliestNotDue = at;
      }
    }
    const order = Array.from(slots, (_, n) => n).sort((a, b) => dues[a] - dues[b] || sequences[a] - sequences[b]);
    return { ids: order.map((n) => this.idOf(slots[n])), earliestNotDue };
  }

  /** Every item, in order of first indexing. */
  *entries(): IterableIterator<[string, IndexedWork]> {
    for (const slot of this.slotsInOrder()) yield [this.idOf(slot), this.read(slot)];
  }

  /**
   * The index as packed columns (what a snapshot saves): one pass over the slots, no object
   * per item. Items come in order of first indexing, so a restored index keeps it.
   */
  toColumns(): PendingColumns {
    const slots = this.slotsInOrder();
    const count = slots.length;
    const savedPatterns = new Map<number, number>();
    const patterns: string[][] = [];
    const failed: Array<[number, number, number]> = [];
    let twoUuidItems = 0;
    for (const slot of slots) if (this.patterns.uuidCount(this.patternOf(slot) - 1) === 2) twoUuidItems += 1;
    const layout = columnLayout(count, twoUuidItems);
    const bytes = new ArrayBuffer(layout.byteLength);
    const due = new Float64Array(bytes, layout.due, count);
    const version = new Uint32Array(bytes, layout.version, count);
    const pattern = new Uint32Array(bytes, layout.pattern, count);
    const firstUuid = new Uint32Array(bytes, layout.firstUuid, count * UUID_WORDS);
    const secondUuid = new Uint32Array(bytes, layout.secondUuid, twoUuidItems * UUID_WORDS);
    const kind = new Uint16Array(bytes, layout.kind, count);
    let second = 0;
    for (let n = 0; n < count; n += 1) {
      const slot = slots[n];
      const chunk = this.chunks[slot >>> CHUNK_BITS];
      const offset = slot & CHUNK_MASK;
      due[n] = chunk.due[offset];
      version[n] = chunk.version[offset];
      kind[n] = chunk.kind[offset];
      const patternId = chunk.pattern[offset] - 1;
      let saved = savedPatterns.get(patternId);
      if (saved === undefined) {
        saved = patterns.length;
        savedPatterns.set(patternId, saved);
        patterns.push(this.patterns.segments(patternId));
      }
      pattern[n] = saved;
      copyWords(chunk.firstUuid, offset * UUID_WORDS, firstUuid, n * UUID_WORDS);
      if (this.patterns.uuidCount(patternId) === 2) {
        copyWords(chunk.secondUuid!, offset * UUID_WORDS, secondUuid, second * UUID_WORDS);
        second += 1;
      }
      const failures = chunk.failures ? chunk.failures[offset] : 0;
      if (failures > 0) failed.push([n, failures, chunk.retry![offset]]);
    }
    return { count, kinds: [...this.kinds], patterns, failed, bytes: new Uint8Array(bytes) };
  }

  /**
   * Adds the items of saved columns to an empty index. Columns that do not add up (a
   * truncated or foreign state) throw, leaving the index part-filled: load into a new one.
   */
  loadColumns(columns: PendingColumns): void {
    if (this.count > 0) throw new Error('saved columns load into an empty index only');
    const { count, kinds, patterns, failed } = columns;
    if (!Number.isInteger(count) || count < 0 || !Array.isArray(kinds) || !Array.isArray(patterns) || !Array.isArray(failed)) throw new RangeError('saved columns are not shaped as written');
    const aligned = columns.bytes.byteOffset % 8 === 0 ? columns.bytes : columns.bytes.slice();
    const { buffer, byteOffset } = aligned;
    patterns.forEach((segments) => this.checkPattern(segments));
    const uuidCounts = patterns.map((segments) => segments.length - 1);
    if (aligned.byteLength < columnLayout(count, 0).byteLength) throw new RangeError(`saved columns hold ${aligned.byteLength} bytes, too few for ${count} items`);
    const pattern = new Uint32Array(buffer, byteOffset + columnLayout(count, 0).pattern, count);
    let twoUuidItems = 0;
    for (let n = 0; n < count; n += 1) {
      if (pattern[n] >= patterns.length) throw new RangeError(`saved item ${n} names pattern ${pattern[n]} of ${patterns.length}`);
      if (uuidCounts[pattern[n]] === 2) twoUuidItems += 1;
    }
    const layout = columnLayout(count, twoUuidItems);
    if (aligned.byteLength !== layout.byteLength) throw new RangeError(`saved columns hold ${aligned.byteLength} bytes, expected ${layout.byteLength}`);
    const due = new Float64Array(buffer, byteOffset + layout.due, count);
    const version = new Uint32Array(buffer, byteOffset + layout.version, count);
    const firstUuid = new Uint32Array(buffer, byteOffset + layout.firstUuid, count * UUID_WORDS);
    const secondUuid = new Uint32Array(buffer, byteOffset + layout.secondUuid, twoUuidItems * UUID_WORDS);
    const kind = new Uint16Array(buffer, byteOffset + layout.kind, count);
    for (let n = 0; n < count; n += 1) {
      if (kind[n] >= kinds.length) throw new RangeError(`saved item ${n} names kind ${kind[n]} of ${kinds.length}`);
      if (!Number.isFinite(due[n])) throw new RangeError(`saved item ${n} has no due time`);
      if (uuidCounts[pattern[n]] === 0 && firstUuid.subarray(n * UUID_WORDS, (n + 1) * UUID_WORDS).some((word) => word !== 0)) throw new RangeError(`saved item ${n} has UUIDs its pattern has not`);
    }
    const retries = new Map<number, { failures: number; retryMs: number }>();
    for (const [n, failures, retryMs] of failed) {
      if (!Number.isInteger(n) || n < 0 || n >= count || !Number.isInteger(failures) || failures < 1 || !Number.isFinite(retryMs)) throw new RangeError(`saved failure ${JSON.stringify([n, failures, retryMs])} does not fit`);
      retries.set(n, { failures, retryMs });
    }
    // A reference per pattern while loading, given back at the end, so none is dropped between its items.
    const patternIds = patterns.map((segments) => this.internSegments(segments));
    this.encodedId = undefined;
    let second = 0;
    for (let n = 0; n < count; n += 1) {
      const patternId = patternIds[pattern[n]];
      this.keyPattern = patternId + 1;
      this.keyWords.fill(0);
      copyWords(firstUuid, n * UUID_WORDS, this.keyWords, 0);
      if (uuidCounts[pattern[n]] === 2) {
        copyWords(secondUuid, second * UUID_WORDS, this.keyWords, UUID_WORDS);
        second += 1;
      }
      this.keyHash = this.hashOfKey();
      if (this.findKey() >= 0) throw new RangeError(`saved item ${n} repeats an id`);
      this.patterns.retain(patternId);
      const slot = this.insertKey();
      const retry = retries.get(n);
      this.write(slot, { kind: kinds[kind[n]], dueMs: due[n], version: version[n], failures: retry?.failures ?? 0, retryMs: retry?.retryMs });
    }
    patternIds.forEach((patternId) => this.patterns.release(patternId));
  }

  /** A saved pattern must cut ids as `encode` does, or a lookup by id would miss their items. */
  private checkPattern(segments: string[]): void {
    if (!Array.isArray(segments) || segments.length < 1 || segments.length > 3 || segments.some((part) => typeof part !== 'string')) {
      throw new RangeError('a saved pattern is not one to three parts of text');
    }
    const probe = segments.join(PROBE_UUID);
    this.encode(probe);
    const cut = this.keyUuids === 0 ? [probe] : this.keyUuids === 1 ? [probe.slice(0, this.keyFirstAt), probe.slice(this.keyFirstAt + UUID_LENGTH)] : [probe.slice(0, this.keyFirstAt), probe.slice(this.keyFirstAt + UUID_LENGTH, this.keySecondAt), probe.slice(this.keySecondAt + UUID_LENGTH)];
    if (cut.length !== segments.length || cut.some((part, n) => part !== segments[n])) throw new RangeError('a saved pattern does not cut ids as they are keyed');
  }

  private internSegments(segments: string[]): number {
    const id = segments.join(PROBE_UUID);
    this.encode(id);
    return this.patterns.intern(id, this.keyPatternHash, this.keyUuids, this.keyFirstAt, this.keySecondAt);
  }

  private slotsInOrder(): number[] {
    const slots: number[] = [];
    const sequences: number[] = [];
    for (let slot = 0; slot < this.slotsInUse; slot += 1) {
      if (this.patternOf(slot) === 0) continue;
      slots.push(slot);
      sequences.push(this.chunks[slot >>> CHUNK_BITS].sequence[slot & CHUNK_MASK]);
    }
    // Slots are reused, so their order is not the order of first indexing.
    return Array.from(slots, (_, n) => n)
      .sort((a, b) => sequences[a] - sequences[b])
      .map((n) => slots[n]);
  }

  /** The slot of `workId`, or -1. */
  private find(workId: string): number {
    this.encode(workId);
    const patternId = this.patterns.find(workId, this.keyPatternHash, this.keyUuids, this.keyFirstAt, this.keySecondAt);
    if (patternId < 0) return -1;
    this.keyPattern = patternId + 1;
    this.keyHash = this.hashOfKey();
    return this.findKey();
  }

  /** The slot holding the key (pattern, words, hash), or -1. */
  private findKey(): number {
    const mask = this.table.length - 1;
    for (let at = this.keyHash & mask; ; at = (at + 1) & mask) {
      const entry = this.table[at];
      if (entry === 0) return -1;
      if (this.holdsKey(entry - 1)) return entry - 1;
    }
  }

  /**
   * Reads `workId`'s UUIDs into the key words and where they start, and hashes the text
   * around them. One or two lower-case UUIDs are cut out; any other id is kept whole.
   * Allocates nothing: this runs for every event of the log the scheduler reads.
   */
  private encode(workId: string): void {
    if (workId === this.encodedId) return;
    const words = this.keyWords;
    words.fill(0);
    let uuids = 0;
    let firstAt = 0;
    let secondAt = 0;
    for (let at = 0; at + UUID_LENGTH <= workId.length && uuids <= 2; at += 1) {
      if (!parseUuid(workId, at, words, Math.min(uuids, 2) * UUID_WORDS)) continue;
      if (uuids === 0) firstAt = at;
      else if (uuids === 1) secondAt = at;
      uuids += 1;
      at += UUID_LENGTH - 1;
    }
    let hash: number;
    if (uuids === 0 || uuids > 2) {
      words.fill(0);
      uuids = 0;
      hash = hashText(workId, 0, workId.length, 0);
    } else {
      hash = hashText(workId, 0, firstAt, uuids);
      if (uuids === 1) hash = hashText(workId, firstAt + UUID_LENGTH, workId.length, Math.imul(hash, 31) + 1);
      else {
        hash = hashText(workId, firstAt + UUID_LENGTH, secondAt, Math.imul(hash, 31) + 1);
        hash = hashText(workId, secondAt + UUID_LENGTH, workId.length, Math.imul(hash, 31) + 1);
      }
    }
    this.keyUuids = uuids;
    this.keyFirstAt = firstAt;
    this.keySecondAt = secondAt;
    this.keyPatternHash = hash;
    this.encodedId = workId;
  }

  /** Takes a slot for the key (not in the index yet) and enters it in the table. */
  private insertKey(): number {
    if ((this.count + 1) * MAX_LOAD_DENOMINATOR > this.table.length * MAX_LOAD_NUMERATOR) this.growTable();
    const slot = this.freeSlots.pop() ?? this.newSlot();
    const chunk = this.chunks[slot >>> CHUNK_BITS];
    const offset = slot & CHUNK_MASK;
    chunk.pattern[offset] = this.keyPattern;
    chunk.hash[offset] = this.keyHash;
    copyWords(this.keyWords, 0, chunk.firstUuid, offset * UUID_WORDS);
    if (this.patterns.uuidCount(this.keyPattern - 1) === 2) {
      chunk.secondUuid ??= new Uint32Array(CHUNK * UUID_WORDS);
      copyWords(this.keyWords, UUID_WORDS, chunk.secondUuid, offset * UUID_WORDS);
    }
    chunk.sequence[offset] = this.nextSequence;
    this.nextSequence += 1;
    this.place(slot, this.keyHash);
    this.count += 1;
    return slot;
  }

  private newSlot(): number {
    const slot = this.slotsInUse;
    if (slot >>> CHUNK_BITS === this.chunks.length) this.chunks.push(new Chunk());
    this.slotsInUse += 1;
    return slot;
  }

  private place(slot: number, hash: number): void {
    const mask = this.table.length - 1;
    let at = hash & mask;
    while (this.table[at] !== 0) at = (at + 1) & mask;
    this.table[at] = slot + 1;
  }

  private removeSlot(slot: number): void {
    const table = this.table;
    const mask = table.length - 1;
    let at = this.hashOf(slot) & mask;
    while (table[at] !== slot + 1) at = (at + 1) & mask;
    // Backward-shift deletion: later entries of the probe run move up, so no tombstones.
    for (let next = (at + 1) & mask; table[next] !== 0; next = (next + 1) & mask) {
      const home = this.hashOf(table[next] - 1) & mask;
      const stays = at <= next ? at < home && home <= next : at < home || home <= next;
      if (stays) continue;
      table[at] = table[next];
      at = next;
    }
    table[at] = 0;
    const chunk = this.chunks[slot >>> CHUNK_BITS];
    const offset = slot & CHUNK_MASK;
    this.patterns.release(chunk.pattern[offset] - 1);
    chunk.pattern[offset] = 0;
    if (chunk.failures) chunk.failures[offset] = 0;
    this.freeSlots.push(slot);
    this.count -= 1;
  }

  private growTable(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    for (const entry of old) if (entry !== 0) this.place(entry - 1, this.hashOf(entry - 1));
  }

  private holdsKey(slot: number): boolean {
    const chunk = this.chunks[slot >>> CHUNK_BITS];
    const offset = slot & CHUNK_MASK;
    if (chunk.hash[offset] !== this.keyHash || chunk.pattern[offset] !== this.keyPattern) return false;
    const words = this.keyWords;
    const base = offset * UUID_WORDS;
    const first = chunk.firstUuid;
    if (first[base] !== words[0] || first[base + 1] !== words[1] || first[base + 2] !== words[2] || first[base + 3] !== words[3]) return false;
    if (this.patterns.uuidCount(this.keyPattern - 1) < 2) return true;
    const second = chunk.secondUuid!;
    return second[base] === words[4] && second[base + 1] === words[5] && second[base + 2] === words[6] && second[base + 3] === words[7];
  }

  /** A mix of the pattern and every bit of the UUIDs (they need not be random: v7 starts with a time). */
  private hashOfKey(): number {
    let hash = Math.imul(this.keyPattern, 0x9e3779b1);
    const words = this.keyWords;
    for (let word = 0; word < KEY_WORDS; word += 1) {
      hash = Math.imul(hash ^ words[word], 0x85ebca6b);
      hash ^= hash >>> 13;
    }
    hash = Math.imul(hash, 0xc2b2ae35);
    return (hash ^ (hash >>> 16)) | 0;
  }

  private write(slot: number, item: IndexedWork): void {
    const chunk = this.chunks[slot >>> CHUNK_BITS];
    const offset = slot & CHUNK_MASK;
    chunk.due[offset] = item.dueMs;
    chunk.version[offset] = item.version;
    chunk.kind[offset] = this.kindId(item.kind);
    if (item.failures > 0 || item.retryMs !== undefined) {
      // Failures are rare: a chunk has room for them from its first.
      chunk.failures ??= new Uint32Array(CHUNK);
      chunk.retry ??= new Float64Array(CHUNK).fill(Number.NaN);
    }
    if (chunk.failures && chunk.retry) {
      chunk.failures[offset] = item.failures;
      chunk.retry[offset] = item.retryMs ?? Number.NaN;
    }
  }

  private read(slot: number): IndexedWork {
    const chunk = this.chunks[slot >>> CHUNK_BITS];
    const offset = slot & CHUNK_MASK;
    const item: IndexedWork = { kind: this.kinds[chunk.kind[offset]], dueMs: chunk.due[offset], version: chunk.version[offset], failures: chunk.failures ? chunk.failures[offset] : 0 };
    const retryMs = chunk.retry ? chunk.retry[offset] : Number.NaN;
    if (!Number.isNaN(retryMs)) item.retryMs = retryMs;
    return item;
  }

  private idOf(slot: number): string {
    const chunk = this.chunks[slot >>> CHUNK_BITS];
    const offset = slot & CHUNK_MASK;
    const patternId = chunk.pattern[offset] - 1;
    const segments = this.patterns.segments(patternId);
    if (segments.length === 1) return segments[0];
    const bytes = this.patterns.latin1(patternId);
    if (!bytes) {
      const first = segments[0] + readUuid(chunk.firstUuid, offset * UUID_WORDS) + segments[1];
      return segments.length === 2 ? first : first + readUuid(chunk.secondUuid!, offset * UUID_WORDS) + segments[2];
    }
    // One string made from bytes, not one per piece joined: due() names every item due at once.
    const scratch = idScratch(bytes.reduce((length, part) => length + part.length, 0) + (segments.length - 1) * UUID_LENGTH);
    let at = bytes[0].copy(scratch, 0);
    at = writeUuidText(chunk.firstUuid, offset * UUID_WORDS, scratch, at);
    at += bytes[1].copy(scratch, at);
    if (segments.length === 3) {
      at = writeUuidText(chunk.secondUuid!, offset * UUID_WORDS, scratch, at);
      at += bytes[2].copy(scratch, at);
    }
    return scratch.toString('latin1', 0, at);
  }

  private kindId(kind: string): number {
    let id = this.kindIds.get(kind);
    if (id === undefined) {
      id = this.kinds.length;
      if (id > 0xffff) throw new RangeError('more than 65,536 kinds of scheduled work');
      this.kinds.push(kind);
      this.kindIds.set(kind, id);
    }
    return id;
  }

  private patternOf(slot: number): number {
    return this.chunks[slot >>> CHUNK_BITS].pattern[slot & CHUNK_MASK];
  }

  private hashOf(slot: number): number {
    return this.chunks[slot >>> CHUNK_BITS].hash[slot & CHUNK_MASK];
  }
}

function columnLayout(count: number, twoUuidItems: number) {
  const due = 0;
  const version = due + 8 * count;
  const pattern = version + 4 * count;
  const firstUuid = pattern + 4 * count;
  const secondUuid = firstUuid + 16 * count;
  const kind = secondUuid + 16 * twoUuidItems;
  return { due, version, pattern, firstUuid, secondUuid, kind, byteLength: kind + 2 * count };
}

const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;
const UUID_LENGTH = 36;
const UUID_WORDS = 4;
const KEY_WORDS = 2 * UUID_WORDS;
const INITIAL_TABLE = 64;
/** The table doubles past 0.7 full: 5.7 to 11.4 bytes an item. */
const MAX_LOAD_NUMERATOR = 7;
const MAX_LOAD_DENOMINATOR = 10;
/** Stands in for the UUIDs when a saved pattern is checked or interned. */
const PROBE_UUID = '00000000-0000-4000-8000-000000000000';

/** Columns of 4,096 slots: the index never holds more than one chunk it does not use. */
class Chunk {
  readonly due = new Float64Array(CHUNK);
  readonly sequence = new Float64Array(CHUNK);
  readonly version = new Uint32Array(CHUNK);
  /** Pattern id + 1; 0: the slot is free. */
  readonly pattern = new Uint32Array(CHUNK);
  /** The key's hash: the table grows and deletes without reading keys again. */
  readonly hash = new Int32Array(CHUNK);
  readonly kind = new Uint16Array(CHUNK);
  readonly firstUuid = new Uint32Array(CHUNK * UUID_WORDS);
  /** Made when the chunk first holds an id with two UUIDs. */
  secondUuid: Uint32Array | undefined;
  /** Made when an item of the chunk first fails. */
  failures: Uint32Array | undefined;
  retry: Float64Array | undefined;
}

/**
 * The ids' patterns (the text around their UUIDs: one, two or three parts), each held once
 * while an item uses it, found by a hash of that text without cutting the id into strings.
 */
class PatternTable {
  /** The first pattern of each hash; the others follow through `nextOfHash`. */
  private readonly byHash = new Map<number, number>();
  private readonly nextOfHash: number[] = [];
  private readonly segmentsById: Array<string[] | undefined> = [];
  /** The segments as bytes when every one of their characters is one (ids are ASCII in practice). */
  private readonly latin1ById: Array<Buffer[] | undefined> = [];
  private readonly hashes: number[] = [];
  private readonly references: number[] = [];
  private readonly freeIds: number[] = [];

  /** The id of the pattern `workId` is cut by (UUIDs at `firstAt`, `secondAt`), or -1. */
  find(workId: string, hash: number, uuids: number, firstAt: number, secondAt: number): number {
    for (let id = this.byHash.get(hash) ?? -1; id >= 0; id = this.nextOfHash[id]) if (cuts(this.segmentsById[id]!, workId, uuids, firstAt, secondAt)) return id;
    return -1;
  }

  /** The pattern's id, taking a reference on it (made if new). */
  intern(workId: string, hash: number, uuids: number, firstAt: number, secondAt: number): number {
    let id = this.find(workId, hash, uuids, firstAt, secondAt);
    if (id < 0) {
      id = this.freeIds.pop() ?? this.segmentsById.length;
      this.segmentsById[id] =
        uuids === 0
          ? [workId]
          : uuids === 1
            ? [workId.slice(0, firstAt), workId.slice(firstAt + UUID_LENGTH)]
            : [workId.slice(0, firstAt), workId.slice(firstAt + UUID_LENGTH, secondAt), workId.slice(secondAt + UUID_LENGTH)];
      const segments = this.segmentsById[id]!;
      // An id kept whole is its own text: no bytes to build it from.
      this.latin1ById[id] = uuids > 0 && segments.every(isLatin1) ? segments.map((part) => Buffer.from(part, 'latin1')) : undefined;
      this.hashes[id] = hash;
      this.references[id] = 0;
      this.nextOfHash[id] = this.byHash.get(hash) ?? -1;
      this.byHash.set(hash, id);
    }
    this.references[id] += 1;
    return id;
  }

  retain(id: number): void {
    this.references[id] += 1;
  }

  release(id: number): void {
    this.references[id] -= 1;
    if (this.references[id] > 0) return;
    const hash = this.hashes[id];
    const first = this.byHash.get(hash)!;
    if (first === id) {
      if (this.nextOfHash[id] < 0) this.byHash.delete(hash);
      else this.byHash.set(hash, this.nextOfHash[id]);
    } else {
      let before = first;
      while (this.nextOfHash[before] !== id) before = this.nextOfHash[before];
      this.nextOfHash[before] = this.nextOfHash[id];
    }
    this.segmentsById[id] = undefined;
    this.latin1ById[id] = undefined;
    this.freeIds.push(id);
  }

  /** The text around the pattern's UUIDs: one part more than it has UUIDs. */
  segments(id: number): string[] {
    return this.segmentsById[id]!;
  }

  latin1(id: number): Buffer[] | undefined {
    return this.latin1ById[id];
  }

  uuidCount(id: number): number {
    return this.segmentsById[id]!.length - 1;
  }
}

/** Whether `segments` are the text around `workId`'s UUIDs, found at `firstAt` and `secondAt`. */
function cuts(segments: string[], workId: string, uuids: number, firstAt: number, secondAt: number): boolean {
  if (segments.length !== uuids + 1) return false;
  if (uuids === 0) return segments[0] === workId;
  const [before, between, after] = segments;
  if (firstAt !== before.length || !workId.startsWith(before)) return false;
  if (uuids === 1) return workId.length === firstAt + UUID_LENGTH + between.length && workId.endsWith(between);
  return secondAt === firstAt + UUID_LENGTH + between.length && workId.startsWith(between, firstAt + UUID_LENGTH) && workId.length === secondAt + UUID_LENGTH + after.length && workId.endsWith(after);
}

/** FNV-1a over the UTF-16 units of `text` from `from` to `to`, continuing `seed`. */
function hashText(text: string, from: number, to: number, seed: number): number {
  let hash = (seed ^ 0x811c9dc5) | 0;
  for (let at = from; at < to; at += 1) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return hash;
}

/** Lower case only: an id with upper-case hex is kept as written, never rewritten. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** Whether a lower-case UUID starts at `at`; if so its 16 bytes go to `words` from `into`. */
function parseUuid(text: string, at: number, words: Uint32Array, into: number): boolean {
  if (text.charCodeAt(at + 8) !== 45 || text.charCodeAt(at + 13) !== 45 || text.charCodeAt(at + 18) !== 45 || text.charCodeAt(at + 23) !== 45) return false;
  const first = hexOf(text, at, 8);
  const second = hexOf(text, at + 9, 4) * 0x10000 + hexOf(text, at + 14, 4);
  const third = hexOf(text, at + 19, 4) * 0x10000 + hexOf(text, at + 24, 4);
  const fourth = hexOf(text, at + 28, 8);
  if (first < 0 || second < 0 || third < 0 || fourth < 0) return false;
  // A third UUID is looked for only to keep the id whole: it has no words of its own.
  if (into + UUID_WORDS > words.length) return true;
  words[into] = first;
  words[into + 1] = second;
  words[into + 2] = third;
  words[into + 3] = fourth;
  return true;
}

/** The value of `digits` lower-case hex digits from `at`, or -1. */
function hexOf(text: string, at: number, digits: number): number {
  let value = 0;
  for (let n = 0; n < digits; n += 1) {
    const digit = hexValue(text.charCodeAt(at + n));
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

function copyWords(from: Uint32Array, fromAt: number, to: Uint32Array, toAt: number): void {
  to[toAt] = from[fromAt];
  to[toAt + 1] = from[fromAt + 1];
  to[toAt + 2] = from[fromAt + 2];
  to[toAt + 3] = from[fromAt + 3];
}

let scratch = Buffer.alloc(256);

function isLatin1(text: string): boolean {
  for (let at = 0; at < text.length; at += 1) if (text.charCodeAt(at) > 0xff) return false;
  return true;
}

function idScratch(length: number): Buffer {
  if (scratch.length < length) scratch = Buffer.alloc(length * 2);
  return scratch;
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/** Writes the UUID of the 4 words at `at` as text into `into` from `to`; returns where it ends. */
function writeUuidText(words: Uint32Array, at: number, into: Buffer, to: number): number {
  let out = to;
  for (let word = 0; word < UUID_WORDS; word += 1) {
    const value = words[at + word];
    for (let shift = 28; shift >= 0; shift -= 4) {
      if (out - to === 8 || out - to === 13 || out - to === 18 || out - to === 23) into[out++] = 45;
      into[out++] = HEX_DIGITS[(value >>> shift) & 15];
    }
  }
  return out;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex(word: number): string {
  return HEX[word >>> 24] + HEX[(word >>> 16) & 255] + HEX[(word >>> 8) & 255] + HEX[word & 255];
}

function readUuid(words: Uint32Array, at: number): string {
  const second = hex(words[at + 1]);
  const third = hex(words[at + 2]);
  return `${hex(words[at])}-${second.slice(0, 4)}-${second.slice(4)}-${third.slice(0, 4)}-${third.slice(4)}${hex(words[at + 3])}`;
}
