import type { ChainVerdict } from '@lib/es-core';
import { EventStore, isStreamDigestReader } from '@lib/event-store';
import { ProcessContext, verifyAccountStreams } from '@lib/platform';
import { AUDITED_SERVICES, AuditedService, streamIdsOf } from '../../reporting.dependencies';
import type { AuditSource, SourceAnswer, VerifiedStream } from './audit-source.port';
import { VerifiedPrefixes } from './verified-prefixes';

export type { AuditSource, SourceAnswer, VerifiedStream };

/**
 * The service's store is in this process (all-in-one): read and verify it directly. A SQL
 * store reads content digests too, so the prefix of a stream verified by an earlier check
 * is not hashed again in JavaScript while its rows are unchanged, and the service's streams
 * are first compared in one statement (`VerifiedPrefixes`); any other store is read and
 * verified whole.
 */
export function localAuditSource(service: AuditedService, store: EventStore, prefixes = new VerifiedPrefixes()): AuditSource {
  const verify = isStreamDigestReader(store)
    ? async (streamIds: string[]): Promise<VerifiedStream[]> => (await prefixes.verifyAll(store, streamIds)).filter((stream) => stream.events > 0)
    : (streamIds: string[]) => verifyAccountStreams(store, streamIds);
  return {
    service,
    async read(accountId) {
      try {
        return { service, reached: true, streams: await verify(streamIdsOf(service, accountId)) };
      } catch (error) {
        return { service, reached: false, reason: `reading its store failed: ${messageOf(error)}` };
      }
    },
  };
}

/**
 * The service runs elsewhere: ask its `GET /audit/<service>/accounts/:accountId`, which
 * verifies the chains against its own store, with the caller's credentials (the endpoint
 * is compliance-only there too). Whatever is not a well-formed answer counts as not reached.
 */
export function remoteAuditSource(service: string, baseUrl: string, timeoutMs = 10_000): AuditSource {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    service,
    async read(accountId, caller) {
      const url = `${root}/audit/${service}/accounts/${encodeURIComponent(accountId)}`;
      try {
        const response = await fetch(url, {
          headers: { accept: 'application/json', ...(caller.authorization ? { authorization: caller.authorization } : {}) },
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) return { service, reached: false, reason: `${url} answered ${response.status}` };
        const streams = parseStreams(await response.json());
        return streams ? { service, reached: true, streams } : { service, reached: false, reason: `${url} answered something that is not an account's streams` };
      } catch (error) {
        return { service, reached: false, reason: `${url}: ${messageOf(error)}` };
      }
    },
  };
}

/** Neither in this process nor given a URL: the check must say so, never pass silently. */
export function missingAuditSource(service: string): AuditSource {
  const reason = `not in this process and no URL configured for it`;
  return { service, read: async () => ({ service, reached: false, reason }) };
}

/** One source per audited service: the local store when co-located, else its URL, else none. */
export function auditSourcesOf(context: Pick<ProcessContext, 'config' | 'localStores'>): AuditSource[] {
  return AUDITED_SERVICES.map((service) => {
    const store = context.localStores.get(service);
    if (store) return localAuditSource(service, store);
    const url = context.config.serviceUrls[service];
    return url ? remoteAuditSource(service, url) : missingAuditSource(service);
  });
}

/** Only what the check needs from `AccountStreams` JSON: stream ids, event counts, verdicts. */
function parseStreams(body: unknown): VerifiedStream[] | null {
  const streams = (body as { streams?: unknown } | null)?.streams;
  if (!Array.isArray(streams)) return null;
  const parsed: VerifiedStream[] = [];
  for (const stream of streams as Array<Record<string, unknown>>) {
    const integrity = stream?.integrity as ChainVerdict | undefined;
    if (typeof stream?.streamId !== 'string' || !Array.isArray(stream.events) || typeof integrity?.ok !== 'boolean') return null;
    if (!integrity.ok && typeof integrity.brokenAt?.version !== 'number') return null;
    parsed.push({ streamId: stream.streamId, events: stream.events.length, integrity });
  }
  return parsed;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
