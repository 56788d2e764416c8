import { createHash, randomBytes } from 'node:crypto';
import { aggregateStream, CommandContext, StreamReader } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import { ATTORNEY_KEY_PREFIX, AttorneyKeyVerifier, decideOrRefuse } from '@lib/platform';
import { ATTORNEY_PANEL_STREAM, attorneyPanelDecider } from '../domain/attorney-panel/attorney-panel.decider';
import { attorneyAcceptsKey } from '../domain/attorney-panel/attorney-panel.state';

/** `ak_<attorneyId>_<secret>`: the prefix tells the guard it is an attorney's, the id names whose. */
export function newAttorneyApiKey(attorneyId: string): string {
  return `${ATTORNEY_KEY_PREFIX}${attorneyId}_${randomBytes(24).toString('base64url')}`;
}

export function hashAttorneyApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

/** Checks an attorney's key against the hashes on the panel, on every call: an attorney taken off the panel's stream is refused at once. */
export class EventSourcedAttorneyKeys implements AttorneyKeyVerifier {
  constructor(private readonly store: StreamReader) {}

  async attorneyOf(apiKey: string): Promise<string | null> {
    const match = /^ak_([0-9a-f-]{36})_[A-Za-z0-9_-]+$/.exec(apiKey);
    if (!match) return null;
    const { state } = await aggregateStream(this.store, attorneyPanelDecider, ATTORNEY_PANEL_STREAM);
    return attorneyAcceptsKey(state, match[1], hashAttorneyApiKey(apiKey)) ? match[1] : null;
  }
}

/**
 * Gives back the case's place on its attorney's caseload (the file closed, the case was
 * recalled, the account closed). Idempotent: a case holding no place changes nothing, so a
 * redelivered message or retried request releases once.
 */
export async function releaseAttorneyCase(store: EventStore, accountId: string, reason: string, context: CommandContext): Promise<void> {
  // Not deduplicated by causation: a forwarding refused after it took its place releases it
  // under the same request, whose assignment would otherwise pass for this release done.
  await decideOrRefuse(store, attorneyPanelDecider, ATTORNEY_PANEL_STREAM, { type: 'ReleaseCase', accountId, reason, now: context.now }, { ...context, dedupeByCausation: false });
}

/**
 * Takes the case's place on its attorney's caseload back (the account reopened while the
 * file was with the attorney). Idempotent: a case its attorney holds changes nothing.
 */
export async function retakeAttorneyCase(store: EventStore, accountId: string, attorney: { attorneyId: string; jurisdiction: string }, context: CommandContext): Promise<void> {
  await decideOrRefuse(store, attorneyPanelDecider, ATTORNEY_PANEL_STREAM, { type: 'RetakeCase', accountId, ...attorney, now: context.now }, { ...context, dedupeByCausation: false });
}
