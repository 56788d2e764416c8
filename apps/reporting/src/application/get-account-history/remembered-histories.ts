import { HistoryLink, inCausalOrder } from '../../read-models/history-order';
import { historyEntryOf, HistoryTimeKey, inHistoryTimeOrder, StoredAuditEntry } from '../../read-models/reporting.queries';

/** Where an account's audit entries are read: all of them, how many, or those recorded at or after an instant. */
export interface AuditEntrySource {
  all(): Promise<StoredAuditEntry[]>;
  count(): Promise<number>;
  recordedSince(occurredAt: string): Promise<StoredAuditEntry[]>;
}

/** One entry of a remembered history: what ordering it needs, and its JSON as the answer lists it. */
interface RememberedEntry extends HistoryTimeKey, HistoryLink {
  json: string;
}

interface RememberedHistory {
  entries: Map<string, RememberedEntry>;
  /** The greatest `occurredAt` among the entries (text order is time order: one ISO format). */
  latest: string;
  /** The answer: the entries, ordered, as one JSON array. */
  json: Buffer;
  /** What this history holds: the answer and each entry's JSON (UTF-16 code units counted as bytes). */
  bytes: number;
}

/** Bytes counted per remembered entry besides its JSON: its ordering fields and map slot. */
const ENTRY_OVERHEAD_BYTES = 400;

/**
 * Accounts' histories as their endpoint answers them (the JSON, ready to send), kept with
 * every entry they were made of, so that asking again costs a count while the account's
 * audit trail is unchanged, and reading only the new entries when it grew, instead of
 * reading, parsing, ordering and serialising every entry again (about 1 MB of JSON and
 * 1,000 documents for 1,000 events).
 *
 * Sound because an account's audit trail only grows while anyone reads it: an entry is
 * written once and never changed or removed (`auditTrailProjection`), a rebuild while
 * serving leaves the audit trail alone (one of reporting's own logs), and the rebuild
 * command refuses to run while reporting is up. So:
 * - the same number of entries is the same entries, and the answer made from them is
 *   byte for byte the one they would make again;
 * - when the count grew, the entries recorded at or after the latest one remembered are
 *   read; if the remembered ones and those (by id) are as many as a count taken *after*
 *   that read, they are every entry the store held at that count: no entry was missed
 *   (one recorded with an earlier `occurredAt`, which another service's clock can give,
 *   or one written between the reads would make the count larger). Otherwise the history
 *   is read whole, as on a first ask. The answer is then made from the entries as a fresh
 *   read orders them (time order, then causes before effects: `inCausalOrder`), each
 *   entry's JSON made once.
 * The count is taken from the store on every ask (several processes may write it); a
 * remembered answer is never trusted without it. A restart remembers nothing.
 *
 * Bounded by the bytes kept (default 16 MiB: the answer and its entries' JSON, about
 * twice the answer), the accounts asked least recently forgotten first; a history larger
 * than the bound, or an empty one, is not kept.
 */
export class RememberedHistories {
  private readonly histories = new Map<string, RememberedHistory>();
  private bytes = 0;

  constructor(private readonly maxBytes = 16 * 1024 * 1024) {}

  /** Bytes kept, across accounts. */
  get size(): number {
    return this.bytes;
  }

  /** The account's history as JSON (UTF-8), read from `source` only as far as needed. */
  async answer(accountId: string, source: AuditEntrySource): Promise<Buffer> {
    const known = this.histories.get(accountId);
    if (known) {
      const counted = await source.count();
      if (counted === known.entries.size) {
        // Asked again: now the most recently asked.
        this.histories.delete(accountId);
        this.histories.set(accountId, known);
        return known.json;
      }
      if (counted > known.entries.size) {
        const added = (await source.recordedSince(known.latest)).filter((entry) => !known.entries.has(entry._id));
        if (known.entries.size + added.length === (await source.count())) return this.remember(accountId, [...known.entries.values(), ...added.map(remembered)]);
      }
    }
    return this.remember(accountId, (await source.all()).map(remembered));
  }

  private remember(accountId: string, entries: RememberedEntry[]): Buffer {
    this.forget(accountId);
    const ordered = inCausalOrder(entries.sort(inHistoryTimeOrder));
    const json = Buffer.from(`[${ordered.map((entry) => entry.json).join(',')}]`);
    let bytes = json.length;
    let latest = '';
    for (const entry of entries) {
      bytes += entry.json.length + ENTRY_OVERHEAD_BYTES;
      if (entry.occurredAt > latest) latest = entry.occurredAt;
    }
    if (entries.length === 0 || bytes > this.maxBytes) return json;
    this.histories.set(accountId, { entries: new Map(entries.map((entry) => [entry._id, entry])), latest, json, bytes });
    this.bytes += bytes;
    for (const [oldest, history] of this.histories) {
      if (this.bytes <= this.maxBytes) break;
      this.histories.delete(oldest);
      this.bytes -= history.bytes;
    }
    return json;
  }

  private forget(accountId: string): void {
    const known = this.histories.get(accountId);
    if (!known) return;
    this.histories.delete(accountId);
    this.bytes -= known.bytes;
  }
}

/**
 * The entry with its JSON as the history lists it (`JSON.stringify` of an array is its
 * elements' JSON joined by commas in brackets, so the answer is the same bytes). The
 * document's data is kept only there.
 */
function remembered(document: StoredAuditEntry): RememberedEntry {
  const { _id, occurredAt, serviceRank, service, streamId, version, metadata } = document;
  return { _id, occurredAt, serviceRank, service, streamId, version, eventId: metadata.eventId, causationId: metadata.causationId, json: JSON.stringify(historyEntryOf(document)) };
}
