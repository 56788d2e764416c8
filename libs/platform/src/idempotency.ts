import { createHash, randomUUID } from 'node:crypto';
import { Principal, RecordedEvent, WrongExpectedVersionError } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import { problem } from './http/problem-details';

export interface RecordedAnswer {
  status: number;
  body: unknown;
}

/**
 * What a command answers. `onlyNow`, when given, is what this one caller is shown instead:
 * for something shown once (a new API key's secret) that must never be stored, so retries
 * get the stored `status`/`body` without it.
 */
export interface CommandAnswer extends RecordedAnswer {
  onlyNow?: RecordedAnswer;
}

/**
 * What makes a retry "the same request": method, path and the body's canonical hash.
 * Only the hash of the body is stored, so a key's record holds no copy of what was sent.
 */
export interface RequestFingerprint {
  method: string;
  path: string;
  bodySha256: string;
}

export function fingerprintOf(request: { method?: string; originalUrl?: string; url?: string; body?: unknown }): RequestFingerprint {
  return {
    method: (request.method ?? '').toUpperCase(),
    path: request.originalUrl ?? request.url ?? '',
    // No body and an empty object ask for the same thing; JSON cannot tell them apart either.
    bodySha256: createHash('sha256').update(canonicalJson(request.body ?? {})).digest('hex'),
  };
}

/** JSON with the keys of every object sorted, so the same body hashes alike however a client orders its fields. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) =>
    nested !== null && typeof nested === 'object' && !Array.isArray(nested)
      ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : nested,
  );
}

/**
 * The answers a key keeps: successes, and refusals by a business rule (409, 422), which a
 * retry must see again even after the account has moved on. Not kept: an error of ours
 * (5xx), an invalid request (400: the same request is refused the same way again), and
 * "not found" (404), which must neither leak another client's account nor outlive the
 * thing's arrival.
 */
const pinned = (status: number) => status < 400 || status === 409 || status === 422;

/**
 * `Idempotency-Key`: the first answer to a key is stored, with the request's fingerprint,
 * as one event in the service's own store, and returned again for every retry of the same
 * request with that key by the same principal; another request under the key is answered
 * 422 `idempotency-key-reused` and runs nothing.
 *
 * Nothing is written before the command runs, so a request refused as not found (another
 * client's account) leaves no trace, the key included. Within a process, requests under
 * one key take turns, so a retry sent while the first still runs waits for its answer.
 * Across processes, the command itself dedupes by causation (= the key): a retry that
 * reaches another replica finds the first one's events and answers from them, and the
 * answer stored first is the one that stands.
 */
export async function answerOnce(
  store: EventStore,
  principal: Principal,
  key: string | undefined,
  now: Date,
  answer: () => Promise<CommandAnswer>,
  request: RequestFingerprint,
): Promise<CommandAnswer> {
  if (!key) return answer();
  const streamId = idempotencyStreamId(principal, key);
  return oneAtATime(streamId, async () => {
    const history = await store.readStream(streamId);
    const earlier = earlierAnswer(history, key, request);
    if (earlier) return earlier;
    const result = await answer();
    if (!pinned(result.status)) return result;
    try {
      await store.appendToStream(
        streamId,
        [
          {
            type: 'RequestAnswered',
            data: { status: result.status, body: result.body, request },
            metadata: { eventId: randomUUID(), principal, correlationId: key, causationId: key, occurredAt: now.toISOString() },
          },
        ],
        // A key claimed by a request that never answered (kept by earlier versions) is reused by its retry.
        { expectedVersion: history.length === 0 ? 'no_stream' : history.length - 1 },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // Another process answered this key first: its answer stands, unless ours is the
      // one-time showing (it did the work the stored answer repeats).
      if (result.onlyNow) return result;
      return earlierAnswer(await store.readStream(streamId), key, request) ?? result;
    }
    return result;
  });
}

/** The stored answer for a retry, a 422 for another request under the key, or nothing yet. */
function earlierAnswer(history: RecordedEvent[], key: string, request: RequestFingerprint): RecordedAnswer | undefined {
  const first = history.map((event) => event.data.request as RequestFingerprint | undefined).find((fingerprint) => fingerprint !== undefined);
  if (first && !sameRequest(first, request)) return keyReused(key);
  const answered = history.find((event) => event.type === 'RequestAnswered');
  return answered && { status: answered.data.status as number, body: answered.data.body };
}

function sameRequest(a: RequestFingerprint, b: RequestFingerprint): boolean {
  return a.method === b.method && a.path === b.path && a.bodySha256 === b.bodySha256;
}

/** Names the key, not the earlier request: what the key was first used for is the caller's own business, but still not repeated. */
function keyReused(key: string): RecordedAnswer {
  return {
    status: 422,
    body: problem(422, `Idempotency-Key "${key}" was first used for a different request; send a new key with a new request`, { rule: 'idempotency-key-reused', idempotencyKey: key }),
  };
}

export function idempotencyStreamId(principal: Principal, key: string): string {
  return `idempotency-${createHash('sha256').update(`${principal.role}:${principal.id}:${key}`).digest('hex').slice(0, 32)}`;
}

const running = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier work under the same name has settled, one at a time. */
async function oneAtATime<T>(name: string, work: () => Promise<T>): Promise<T> {
  const before = running.get(name) ?? Promise.resolve();
  const mine = before.then(work, work);
  const settled = mine.then(
    () => undefined,
    () => undefined,
  );
  running.set(name, settled);
  try {
    return await mine;
  } finally {
    if (running.get(name) === settled) running.delete(name);
  }
}
