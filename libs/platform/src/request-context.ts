// TRANSITION ONLY: the pre-interceptor way of answering commands, kept while the apps move
// to @CommandEndpoint + Refused + the problem-details filter. Deleted when none uses it.
import type { CommandContext, Principal } from '@lib/es-core';
import type { Clock } from '@lib/clock';
import type { EventStore } from '@lib/event-store';
import { commandContextOf, principalOf } from './http/command-context';
import { problem } from './http/problem-details';
import { AnswerException } from './http/problem-details';
import { answerOnce, CommandAnswer, fingerprintOf, RecordedAnswer } from './idempotency';

/** An HTTP request after the auth guard: it carries the principal. */
export interface PrincipalRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

export type KeyedRequest = PrincipalRequest & { method?: string; originalUrl?: string; url?: string; body?: unknown };

export function requestContext(request: PrincipalRequest, deps: { clock: Clock; newId: () => string }): CommandContext {
  return commandContextOf(request, deps, deps.clock.now());
}

export function refusalAnswer(status: number, rejection: { rule: string; reason: string }, extra: Record<string, unknown> = {}): RecordedAnswer {
  const { error: _error, ...rest } = extra;
  return { status, body: problem(status, rejection.reason, { ...rest, rule: rejection.rule }) };
}

export interface JsonResponse {
  status(code: number): { json(body: unknown): unknown };
}

export async function replyOnce(
  deps: { eventStore: EventStore; clock: Clock; newId: () => string },
  request: KeyedRequest,
  response: JsonResponse,
  key: string | undefined,
  run: (context: CommandContext) => Promise<CommandAnswer>,
): Promise<void> {
  const context = requestContext(request, deps);
  const answer = await answerOnce(deps.eventStore, principalOf(request), key, context.now, () => run(context), fingerprintOf(request));
  const shown = answer.onlyNow ?? answer;
  if (shown.status >= 400) throw new AnswerException(shown.status, shown.body);
  response.status(shown.status).json(shown.body);
}
