import { createHash } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '@lib/es-core';
import { CheckpointStore, DuplicateEventIdError, EventStore } from '@lib/event-store';
import { isTrustStream, TRUST_INPUT_TYPES, TrustInput } from '../../domain/trust-ledger/trust-ledger';

/** The copies of one client's trust inputs, in the order the log recorded them. */
export const clientTrustStreamId = (clientId: string) => `client-trust-${clientId}`;
/** The checkpoint of the last log position copied into the client streams. */
export const CLIENT_TRUST_INDEX_CHECKPOINT = 'payments-client-trust-index';

/** Events per read of the log while catching up. */
const PAGE = 5_000;
/** Client streams appended to at once (the pool has more connections than this). */
const PARALLEL_APPENDS = 4;
/** Versions per read of a client stream, and reads at once: a large client's stream is read in parallel windows. */
const READ_WINDOW = 10_000;
const PARALLEL_READS = 4;
/** Appends of one batch refused because a racing catch-up stored part of it, before giving up. */
const MAX_APPEND_ATTEMPTS = 5;

/** What the index needs of payments' store: the log, streams to copy into, and a checkpoint. */
export type ClientTrustIndexStore = Pick<EventStore, 'readAll' | 'readStream' | 'appendToStream'> & CheckpointStore;

/**
 * The copy's event id, derived from the original's: a copy appended twice (a catch-up that
 * stopped after appending and before saving its checkpoint, or two processes catching up at
 * once) is refused by the store's unique event ids instead of being stored twice.
 */
export function copyEventId(originalEventId: string): string {
  const hex = createHash('sha256').update(`client-trust:${originalEventId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function copyOf(event: RecordedEvent): EventToAppend {
  const { hash: _hash, previousHash: _previousHash, ...metadata } = event.metadata;
  return {
    type: event.type,
    data: event.data,
    metadata: { ...metadata, eventId: copyEventId(event.metadata.eventId), sourceStreamId: event.streamId, sourcePosition: event.globalPosition.toString() },
  };
}

const sourcePositionOf = (event: RecordedEvent) => BigInt(String(event.metadata.sourcePosition));

/**
 * A per-client index of payments' log (docs/payments.md, "Reading one client's payments"):
 * every trust input of a client (payments, reversals, commission corrections, credit
 * refunds, remittances, cost advances) copied into its `client-trust-<clientId>` stream,
 * with a durable checkpoint of how far the log was copied. A remittance run or a
 * statement read catches the index up (only the log written since the checkpoint) and then
 * reads the one stream, instead of reading every client's events. Rebuilt from the log by
 * deleting the streams and the checkpoint; the copies keep the original metadata
 * (`occurredAt` for as-of reads) and the position they were copied from.
 */
export class ClientTrustIndex {
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly store: ClientTrustIndexStore) {}

  /** Copies the log written since the checkpoint; one catch-up at a time in this process. */
  catchUp(): Promise<void> {
    const next = this.running.then(() => this.copyNewEvents());
    this.running = next.catch(() => undefined);
    return next;
  }

  /** The client's trust inputs recorded at or before `asOf`, in log order, after catching up. */
  async inputsOf(clientId: string, asOf: Date): Promise<TrustInput[]> {
    await this.catchUp();
    const until = asOf.getTime();
    const copies = await this.readCopies(clientTrustStreamId(clientId));
    // Copies appended out of log order (processes racing after a crash) are put back in it.
    const ordered = copies.every((event, index) => index === 0 || sourcePositionOf(copies[index - 1]) < sourcePositionOf(event))
      ? copies
      : [...copies].sort((a, b) => (sourcePositionOf(a) < sourcePositionOf(b) ? -1 : 1));
    return ordered.filter((event) => Date.parse(event.metadata.occurredAt) <= until) as unknown as TrustInput[];
  }

  /**
   * The whole stream, in windows of versions read a few at a time: the database finds and
   * sends the next windows while this process decodes the first. A short window is the end.
   */
  private async readCopies(streamId: string): Promise<RecordedEvent[]> {
    const copies: RecordedEvent[] = [];
    for (let from = 0; ; from += READ_WINDOW * PARALLEL_READS) {
      const windows = await Promise.all(
        Array.from({ length: PARALLEL_READS }, (_, index) => from + index * READ_WINDOW).map((start) => this.store.readStream(streamId, { fromVersion: start, toVersion: start + READ_WINDOW - 1 })),
      );
      for (const window of windows) copies.push(...window);
      if (windows.some((window) => window.length < READ_WINDOW)) return copies;
    }
  }

  private async copyNewEvents(): Promise<void> {
    const saved = await this.store.load(CLIENT_TRUST_INDEX_CHECKPOINT);
    let after = saved ?? undefined;
    for (;;) {
      const page: RecordedEvent[] = await this.store.readAll({ after, limit: PAGE });
      const byClient = new Map<string, EventToAppend[]>();
      for (const event of page) {
        if (!isTrustStream(event.streamId) || !TRUST_INPUT_TYPES.has(event.type)) continue;
        const clientId = (event.data as { clientId?: unknown }).clientId;
        if (typeof clientId !== 'string') continue;
        const copies = byClient.get(clientId) ?? [];
        copies.push(copyOf(event));
        byClient.set(clientId, copies);
      }
      const batches = [...byClient.entries()];
      for (let index = 0; index < batches.length; index += PARALLEL_APPENDS) {
        await Promise.all(batches.slice(index, index + PARALLEL_APPENDS).map(([clientId, copies]) => this.append(clientId, copies)));
      }
      if (page.length > 0) {
        after = page[page.length - 1].globalPosition;
        await this.store.save(CLIENT_TRUST_INDEX_CHECKPOINT, after);
      }
      if (page.length < PAGE) return;
    }
  }

  private async append(clientId: string, copies: EventToAppend[]): Promise<void> {
    const streamId = clientTrustStreamId(clientId);
    let missing = copies;
    // Each refusal means another catch-up stored some of them meanwhile: append only the others.
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (missing.length > 0) await this.store.appendToStream(streamId, missing, { expectedVersion: 'any' });
        return;
      } catch (error) {
        if (!(error instanceof DuplicateEventIdError) || attempt === MAX_APPEND_ATTEMPTS) throw error;
        const stored = new Set((await this.store.readStream(streamId)).map((event) => event.metadata.eventId));
        missing = missing.filter((copy) => !stored.has(copy.metadata.eventId));
      }
    }
  }
}

const indexes = new WeakMap<object, ClientTrustIndex>();

/** The one index of `store` in this process, so concurrent runs share its catch-up. */
export function clientTrustIndexOf(store: ClientTrustIndexStore): ClientTrustIndex {
  const known = indexes.get(store);
  if (known) return known;
  const index = new ClientTrustIndex(store);
  indexes.set(store, index);
  return index;
}
