import { createHash, randomBytes } from 'node:crypto';
import { aggregateStream, StreamReader } from '@lib/es-core';
import type { ClientKeyVerifier } from '@lib/platform';
import { clientDecider } from '../../domain/client/client.decider';
import { acceptsKey } from '../../domain/client/client.state';
import { clientStreamId } from '../../client-intake.dependencies';

/** `ck_<clientId>_<secret>`: the client id up front lets a check read one stream, not an index. */
export function newApiKey(clientId: string): string {
  return `ck_${clientId}_${randomBytes(24).toString('base64url')}`;
}

export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

/**
 * Checks a key against the hashes in its client's stream: issued and not revoked. One
 * stream read per request, on every call, so a revocation holds at once.
 */
export class EventSourcedClientKeys implements ClientKeyVerifier {
  constructor(private readonly store: StreamReader) {}

  async clientOf(apiKey: string): Promise<string | null> {
    const match = /^ck_([0-9a-f-]{36})_[A-Za-z0-9_-]+$/.exec(apiKey);
    if (!match) return null;
    const { state } = await aggregateStream(this.store, clientDecider, clientStreamId(match[1]));
    return acceptsKey(state, hashApiKey(apiKey)) ? match[1] : null;
  }
}
