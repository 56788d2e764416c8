import { createHash } from 'node:crypto';
import { canonicalJson } from './codec';
import { EventToAppend, RecordedEvent } from './event';
import { storedFormOf } from './upcasting';

/** The `previousHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

interface HashedContent {
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** sha256 over the previous hash and the canonical form of the event (without its own hash fields). */
export function hashEvent(previousHash: string, event: HashedContent): string {
  const { previousHash: _p, hash: _h, ...metadata } = event.metadata;
  const body = canonicalJson({
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    data: event.data,
    metadata,
  });
  return createHash('sha256').update(`${previousHash}\n${body}`).digest('hex');
}

/**
 * Links events about to be appended into their stream's chain. Every event store
 * adapter calls this inside its append, with the hash of the stream's current last event.
 */
export function chainEvents<E extends EventToAppend>(
  streamId: string,
  previousHash: string,
  firstVersion: number,
  events: readonly E[],
): E[] {
  let prev = previousHash;
  return events.map((event, index) => {
    const metadata = { ...event.metadata, previousHash: prev };
    const hash = hashEvent(prev, { streamId, version: firstVersion + index, type: event.type, data: event.data, metadata });
    prev = hash;
    return { ...event, metadata: { ...metadata, hash } };
  });
}

export type ChainVerdict =
  | { ok: true; streamId: string; checked: number }
  | { ok: false; streamId: string; checked: number; brokenAt: { version: number; eventId: string; reason: string } };

/**
 * Verifies one stream's events, in version order; names the first broken link. Events
 * upcast on read are verified on their stored form, which is what was hashed.
 */
export function verifyChain(streamId: string, events: readonly RecordedEvent[]): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedVersion = 0;
  for (const event of events) {
    const broken = (reason: string): ChainVerdict => ({
      ok: false,
      streamId,
      checked: expectedVersion,
      brokenAt: { version: event.version, eventId: event.metadata.eventId, reason },
    });
    if (event.version !== expectedVersion) return broken(`version gap: expected ${expectedVersion}`);
    if (event.metadata.previousHash !== prev) return broken('previous hash does not match the preceding event');
    const stored = storedFormOf(event);
    const recomputed = hashEvent(prev, { streamId, version: event.version, type: stored.type, data: stored.data, metadata: event.metadata });
    if (recomputed !== event.metadata.hash) return broken('content does not match its hash');
    prev = event.metadata.hash;
    expectedVersion += 1;
  }
  return { ok: true, streamId, checked: expectedVersion };
}
