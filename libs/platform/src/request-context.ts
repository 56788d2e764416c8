import { UnauthorizedException } from '@nestjs/common';
import type { CommandContext, Principal } from '@lib/es-core';
import type { Clock } from '@lib/clock';

/**
 * The causation id a keyed command carries, scoped to its principal. It lives with the
 * request context that uses it, so the idempotency helpers can import this file without a cycle.
 */
export function idempotencyCausation(principal: Principal, key: string): string {
  return `idempotency:${principal.role}:${principal.id}:${key}`;
}

/** An HTTP request after the auth guard: it carries the principal. */
export interface PrincipalRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

export function principalOf(request: PrincipalRequest): Principal {
  if (!request.principal) throw new UnauthorizedException();
  return request.principal;
}

/**
 * Metadata for the events a request causes: its principal, its correlation id (the
 * caller's `x-correlation-id`, or a new one) and its causation id (the Idempotency-Key
 * when given, so a retried command dedupes on it, or a new request id).
 */
export function requestContext(request: PrincipalRequest, deps: { clock: Clock; newId: () => string }, idempotencyKey?: string): CommandContext {
  const principal = principalOf(request);
  const correlation = request.headers['x-correlation-id'];
  const requestId = deps.newId();
  return {
    principal,
    correlationId: (Array.isArray(correlation) ? correlation[0] : correlation) ?? requestId,
    causationId: idempotencyKey ? idempotencyCausation(principal, idempotencyKey) : `request:${requestId}`,
    now: deps.clock.now(),
    newId: deps.newId,
    dedupeByCausation: Boolean(idempotencyKey),
  };
}
