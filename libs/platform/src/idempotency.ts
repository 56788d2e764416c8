import { createHash, randomUUID } from 'node:crypto';
import { CommandContext, ExpectedVersion, Principal, RecordedEvent, WrongExpectedVersionError } from '@lib/es-core';
import type { Clock } from '@lib/clock';
import type { EventStore } from '@lib/event-store';
import { principalOf, PrincipalRequest, requestContext } from './request-context';

export interface RecordedAnswer {
  status: number;
  body: unknown;
}

/**
 * A command's refusal as an answer: the status, the rule that refused and why, plus any
 * fields the endpoint adds (`error`, the rejection's details). One shape for every service,
 * so a client reads `rule` and `message` the same way everywhere.
 */
export function refusalAnswer(status: number, rejection: { rule: string; reason: string }, extra: Record<string, unknown> = {}): RecordedAnswer {
  return { status, body: { statusCode: status, ...extra, rule: rejection.rule, message: rejection.reason } };
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

/** A request as a keyed endpoint receives it; Express requests carry these parts. */
export type KeyedRequest = PrincipalRequest & { method?: string; originalUrl?: string; url?: string; body?: unknown };

export function fingerprintOf(request: KeyedRequest): RequestFingerprint {
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
 * `Idempotency-Key`: the first answer to a key is stored as an event in the service's
 * own store and returned again for every retry of the same request with that key, by the
 * same principal. The key is claimed with the request's fingerprint before the command
 * runs, so another request under that key, even one sent while the first still runs, is
 * answered 422 `idempotency-key-reused` and runs nothing. The command itself dedupes by
 * causation (= the key), so a crash between its effect and the stored answer still yields
 * the first answer on retry.
 *
 * Without a `request` fingerprint the key only replays (how answers were kept before).
 */
export async function answerOnce(
  store: EventStore,
  principal: Principal,
  key: string | undefined,
  now: Date,
  answer: () => Promise<CommandAnswer>,
  request?: RequestFingerprint,
): Promise<CommandAnswer> {
  if (!key) return answer();
  const streamId = idempotencyStreamId(principal, key);
  const append = (type: string, data: Record<string, unknown>, expectedVersion: ExpectedVersion) =>
    store.appendToStream(
      streamId,
      [{ type, data, metadata: { eventId: randomUUID(), principal, correlationId: key, causationId: key, occurredAt: now.toISOString() } }],
      { expectedVersion },
    );

  const history = await store.readStream(streamId);
  const earlier = earlierAnswer(history, key, request);
  if (earlier) return earlier;
  let version = history.length - 1;
  if (version < 0 && request) {
    try {
      await append('RequestReceived', { request }, 'no_stream');
      version = 0;
    } catch (error) {
      // Another request claimed the key first: answer as its record says.
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      return answerOnce(store, principal, key, now, answer, request);
    }
  }

  const result = await answer();
  if (result.status >= 500) return result;
  try {
    await append('RequestAnswered', { status: result.status, body: result.body, ...(request ? { request } : {}) }, version < 0 ? 'no_stream' : version);
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    // A concurrent retry of the same request answered first: its answer is the one that
    // stands, unless ours is the one-time showing (it did the work the stored one repeats).
    if (result.onlyNow) return result;
    return earlierAnswer(await store.readStream(streamId), key, request) ?? result;
  }
  return result;
}

/** The stored answer for a retry, a 422 for another request under the key, or nothing yet. */
function earlierAnswer(history: RecordedEvent[], key: string, request: RequestFingerprint | undefined): RecordedAnswer | undefined {
  const first = history.map((event) => event.data.request as RequestFingerprint | undefined).find((fingerprint) => fingerprint !== undefined);
  if (request && first && !sameRequest(first, request)) return keyReused(key, first);
  const answered = history.find((event) => event.type === 'RequestAnswered');
  return answered && { status: answered.data.status as number, body: answered.data.body };
}

function sameRequest(a: RequestFingerprint, b: RequestFingerprint): boolean {
  return a.method === b.method && a.path === b.path && a.bodySha256 === b.bodySha256;
}

function keyReused(key: string, first: RequestFingerprint): RecordedAnswer {
  return {
    status: 422,
    body: {
      statusCode: 422,
      error: 'Unprocessable Entity',
      rule: 'idempotency-key-reused',
      idempotencyKey: key,
      message: `Idempotency-Key "${key}" was first used for a different request (${first.method} ${first.path}); send a new key with a new request`,
    },
  };
}

export function idempotencyStreamId(principal: Principal, key: string): string {
  return `idempotency-${createHash('sha256').update(`${principal.role}:${principal.id}:${key}`).digest('hex').slice(0, 32)}`;
}

/** The part of the HTTP response a controller that replays stored answers needs. */
export interface JsonResponse {
  status(code: number): { json(body: unknown): unknown };
}

/**
 * The keyed-command endpoint in one call: answer a retry with the first answer (another
 * request under the key with 422), otherwise run the command with the request's context
 * (deduping on the key) and store its answer.
 */
export async function replyOnce(
  deps: { eventStore: EventStore; clock: Clock; newId: () => string },
  request: KeyedRequest,
  response: JsonResponse,
  key: string | undefined,
  run: (context: CommandContext) => Promise<CommandAnswer>,
): Promise<void> {
  const answer = await answerOnce(deps.eventStore, principalOf(request), key, deps.clock.now(), () => run(requestContext(request, deps, key)), fingerprintOf(request));
  const shown = answer.onlyNow ?? answer;
  response.status(shown.status).json(shown.body);
}
