import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { CommandContext, Principal } from '@lib/es-core';
import { invalidRequest } from '../validation';
import type { FieldProblem } from '../validation';

/** Caller-chosen ids are stored in immutable event metadata: short, printable, no spaces. */
export const MAX_CALLER_ID_LENGTH = 128;
const CALLER_ID = /^[A-Za-z0-9._:~@/+=-]+$/;

/** Whether a caller-chosen id may be kept: 1-128 printable characters without spaces. */
export function isCallerId(value: string): boolean {
  return value.length > 0 && value.length <= MAX_CALLER_ID_LENGTH && CALLER_ID.test(value);
}

/** A request as the application layer sees it once the auth guard has run. */
export interface ApplicationRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
  /** Set by the command interceptor: the one context of this request's command. */
  commandContext?: CommandContext;
  method?: string;
  originalUrl?: string;
  url?: string;
  body?: unknown;
}

export function principalOf(request: { principal?: Principal }): Principal {
  if (!request.principal) throw new UnauthorizedException('missing or invalid credentials');
  return request.principal;
}

export function headerOf(request: { headers: Record<string, string | string[] | undefined> }, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The caller's `x-correlation-id` and `Idempotency-Key`, checked: at most 128 printable
 * characters without spaces. Both end up in events that are never rewritten, so a
 * request that sends something else is refused (400, naming the header) rather than trimmed.
 */
export function callerIds(request: ApplicationRequest): { correlationId?: string; idempotencyKey?: string } {
  const problems: FieldProblem[] = [];
  const read = (header: string): string | undefined => {
    const value = headerOf(request, header);
    if (value === undefined) return undefined;
    if (!isCallerId(value)) {
      problems.push({ field: header, reason: `${header} must be 1 to ${MAX_CALLER_ID_LENGTH} characters of letters, digits and . _ : ~ @ / + = -` });
    }
    return value;
  };
  const correlationId = read('x-correlation-id');
  const idempotencyKey = read('idempotency-key');
  if (problems.length > 0) throw invalidRequest(problems);
  return { correlationId, idempotencyKey };
}

/**
 * The context of the command a request carries: who (the principal), which conversation
 * (correlation id), why (causation: the Idempotency-Key when given, so a retried command
 * dedupes on it, else the request's own id) and when (one clock reading for the request).
 */
export function commandContextOf(
  request: ApplicationRequest,
  deps: { newId: () => string },
  now: Date,
  { correlationId, idempotencyKey } = callerIds(request),
): CommandContext {
  const principal = principalOf(request);
  const requestId = deps.newId();
  return {
    principal,
    correlationId: correlationId ?? requestId,
    causationId: idempotencyKey ? idempotencyCausation(principal, idempotencyKey) : `request:${requestId}`,
    now,
    newId: deps.newId,
    dedupeByCausation: Boolean(idempotencyKey),
  };
}

/** The causation id a keyed command carries, scoped to its principal. */
export function idempotencyCausation(principal: Principal, key: string): string {
  return `idempotency:${principal.role}:${principal.id}:${key}`;
}

/** `@Ctx()`: the command context the command interceptor made for this request. */
export const Ctx = createParamDecorator((_data: unknown, host: ExecutionContext): CommandContext => {
  const request = host.switchToHttp().getRequest<ApplicationRequest>();
  if (!request.commandContext) throw new Error('@Ctx() is only for @CommandEndpoint() handlers');
  return request.commandContext;
});

/** `@CurrentPrincipal()`: who is calling, as the auth guard found it. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, host: ExecutionContext): Principal => principalOf(host.switchToHttp().getRequest<ApplicationRequest>()));
