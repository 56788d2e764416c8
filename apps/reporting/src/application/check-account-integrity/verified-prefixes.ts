import { createHash } from 'node:crypto';
import { ChainVerdict, hashEvent, RecordedEvent, storedFormOf, verifyChain } from '@lib/es-core';
import type { StreamDigestReader, StreamFingerprint } from '@lib/event-store';
import type { VerifiedStream } from './audit-source.port';

const DIGEST_LENGTH = 64;

/** What a check verified of one stream: its first `events` events, their digests (concatenated), the SHA-256 of those, and the last one's hash. */
interface VerifiedPrefix {
  events: number;
  digests: string;
  fingerprint: string;
  lastHash: string;
}

/**
 * The stream prefixes the integrity check has verified, so that a check of a long stream
 * re-hashes only the events stored since, and still finds any change to the older ones:
 * each remembered event is known by its content digest, which the store computes afresh
 * on every check (`readStreamDigests`); a row changed, removed or put back differently
 * no longer matches, and that stream is then read and verified whole, as without this.
 *
 * Several streams of one store are checked with one statement first (`verifyAll`): the
 * store hashes every row and answers one fingerprint per stream; a stream whose
 * fingerprint is the one of its verified prefix, whole, has nothing new and nothing
 * changed, and only the others are read as above.
 *
 * Bounded: at most `maxEvents` remembered events in all (about 70 bytes each), the
 * streams checked least recently forgotten first.
 */
export class VerifiedPrefixes {
  private readonly prefixes = new Map<string, VerifiedPrefix>();
  private remembered = 0;

  constructor(private readonly maxEvents = 100_000) {}

  /** How many events are remembered, across streams. */
  get size(): number {
    return this.remembered;
  }

  /**
   * Verifies the streams of one store, in the order given: those whose store fingerprint is
   * still the one of their verified prefix from it alone, the others as `verify` does.
   */
  async verifyAll(store: StreamDigestReader, streamIds: readonly string[]): Promise<VerifiedStream[]> {
    const held = new Map((await store.readStreamFingerprints(streamIds)).map((stream) => [stream.streamId, stream]));
    return Promise.all(
      streamIds.map((streamId) => {
        const known = this.prefixes.get(streamId);
        const stream = held.get(streamId);
        if (!known && !stream) return { streamId, events: 0, integrity: { ok: true, streamId, checked: 0 } };
        if (!known || !stream || !isVerified(known, stream)) return this.verify(store, streamId);
        // Checked again: now the most recently checked.
        this.prefixes.delete(streamId);
        this.prefixes.set(streamId, known);
        return { streamId, events: known.events, integrity: { ok: true, streamId, checked: known.events } };
      }),
    );
  }

  /** Reads one stream of `store` and verifies its hash chain, trusting only the remembered prefix whose rows are unchanged. */
  async verify(store: Pick<StreamDigestReader, 'readStreamDigests'>, streamId: string): Promise<VerifiedStream> {
    const known = this.prefixes.get(streamId);
    const read = await store.readStreamDigests(streamId, known?.events ?? 0);
    const events = read.digests.length;
    let integrity: ChainVerdict;
    if (!known) {
      integrity = verifyChain(streamId, read.events);
    } else if (unchanged(known, read.versions, read.digests)) {
      integrity = verifyFrom(streamId, read.events, known.events, known.lastHash);
    } else {
      this.forget(streamId);
      // Something remembered changed: the verdict is the whole stream's, read again in full.
      const whole = await store.readStreamDigests(streamId, 0);
      integrity = verifyChain(streamId, whole.events);
      if (integrity.ok) this.remember(streamId, whole.digests, whole.events);
      return { streamId, events: whole.digests.length, integrity };
    }
    if (integrity.ok && events > 0) this.remember(streamId, read.digests, read.events, known);
    else if (!integrity.ok) this.forget(streamId);
    return { streamId, events, integrity };
  }

  private remember(streamId: string, digests: readonly string[], read: readonly RecordedEvent[], known?: VerifiedPrefix): void {
    const lastHash = read.length > 0 ? read[read.length - 1].metadata.hash : known?.lastHash;
    if (lastHash === undefined || digests.length > this.maxEvents) return;
    this.forget(streamId);
    const joined = digests.join('');
    this.prefixes.set(streamId, { events: digests.length, digests: joined, fingerprint: createHash('sha256').update(joined).digest('hex'), lastHash });
    this.remembered += digests.length;
    for (const [oldest, prefix] of this.prefixes) {
      if (this.remembered <= this.maxEvents) break;
      this.prefixes.delete(oldest);
      this.remembered -= prefix.events;
    }
  }

  private forget(streamId: string): void {
    const known = this.prefixes.get(streamId);
    if (!known) return;
    this.prefixes.delete(streamId);
    this.remembered -= known.events;
  }
}

/** The stream holds exactly the verified prefix: versions 0 to `events - 1`, each with the digest it had when verified. */
function isVerified(known: VerifiedPrefix, stream: StreamFingerprint): boolean {
  return stream.events === known.events && stream.firstVersion === 0 && stream.lastVersion === known.events - 1 && stream.fingerprint === known.fingerprint;
}

/** Every remembered event is still stored, at its version, with the content it had when it was verified. */
function unchanged(known: VerifiedPrefix, versions: readonly number[], digests: readonly string[]): boolean {
  if (digests.length < known.events) return false;
  for (let i = 0; i < known.events; i++) if (versions[i] !== i) return false;
  return digests.slice(0, known.events).join('') === known.digests && known.digests.length === known.events * DIGEST_LENGTH;
}

/** `verifyChain` from a verified prefix on: `events` are the stream's events from version `from`, linked to `previousHash`. */
function verifyFrom(streamId: string, events: readonly RecordedEvent[], from: number, previousHash: string): ChainVerdict {
  let prev = previousHash;
  let expectedVersion = from;
  for (const event of events) {
    const broken = (reason: string): ChainVerdict => ({ ok: false, streamId, checked: expectedVersion, brokenAt: { version: event.version, eventId: event.metadata.eventId, reason } });
    if (event.version !== expectedVersion) return broken(`version gap: expected ${expectedVersion}`);
    if (event.metadata.previousHash !== prev) return broken('previous hash does not match the preceding event');
    const stored = storedFormOf(event);
    if (hashEvent(prev, { streamId, version: event.version, type: stored.type, data: stored.data, metadata: event.metadata }) !== event.metadata.hash) return broken('content does not match its hash');
    prev = event.metadata.hash;
    expectedVersion += 1;
  }
  return { ok: true, streamId, checked: expectedVersion };
}
