import { createHash, randomUUID } from 'node:crypto';
import { CommandContext, Principal, WrongExpectedVersionError } from '@lib/es-core';
import type { Clock } from '@lib/clock';
import type { EventStore } from '@lib/event-store';
import { principalOf, PrincipalRequest, requestContext } from './request-context';

export interface RecordedAnswer {
  status: number;
  body: unknown;
}

/**
 * `Idempotency-Key`: the first answer to a key is stored as an event in the service's
 * own store and returned again for every retry with that key, by the same principal.
 * The command itself dedupes by causation (= the key), so a crash between its effect and
 * the stored answer still yields the first answer on retry.
 */
export async function answerOnce(
  store: EventStore,
  principal: Principal,
  key: string | undefined,
  now: Date,
  answer: () => Promise<RecordedAnswer>,
): Promise<RecordedAnswer> {
  if (!key) return answer();
  const streamId = idempotencyStreamId(principal, key);
  const [earlier] = await store.readStream(streamId);
  if (earlier) return earlier.data as unknown as RecordedAnswer;
  const result = await answer();
  if (result.status >= 500) return result;
  try {
    await store.appendToStream(
      streamId,
      [
        {
          type: 'RequestAnswered',
          data: { status: result.status, body: result.body },
          metadata: { eventId: randomUUID(), principal, correlationId: key, causationId: key, occurredAt: now.toISOString() },
        },
      ],
      { expectedVersion: 'no_stream' },
    );
  } catch (error) {
    // A concurrent retry answered first: its answer is the one that stands.
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    const [first] = await store.readStream(streamId);
    return first.data as unknown as RecordedAnswer;
  }
  return result;
}

export function idempotencyStreamId(principal: Principal, key: string): string {
  return `idempotency-${createHash('sha256').update(`${principal.role}:${principal.id}:${key}`).digest('hex').slice(0, 32)}`;
}

/** The causation id a keyed command carries, scoped to its principal. */
export function idempotencyCausation(principal: Principal, key: string): string {
  return `idempotency:${principal.role}:${principal.id}:${key}`;
}

/** The part of the HTTP response a controller that replays stored answers needs. */
export interface JsonResponse {
  status(code: number): { json(body: unknown): unknown };
}

/**
 * The keyed-command endpoint in one call: answer a retry with the first answer, otherwise
 * run the command with the request's context (deduping on the key) and store its answer.
 */
export async function replyOnce(
  deps: { eventStore: EventStore; clock: Clock; newId: () => string },
  request: PrincipalRequest,
  response: JsonResponse,
  key: string | undefined,
  run: (context: CommandContext) => Promise<RecordedAnswer>,
): Promise<void> {
  const answer = await answerOnce(deps.eventStore, principalOf(request), key, deps.clock.now(), () => run(requestContext(request, deps, key)));
  response.status(answer.status).json(answer.body);
}
