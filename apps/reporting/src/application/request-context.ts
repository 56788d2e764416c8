import { NotFoundException } from '@nestjs/common';
import type { Principal } from '@lib/es-core';
import type { PrincipalRequest } from '@lib/platform';

export { principalOf, type PrincipalRequest } from '@lib/platform';

/**
 * A client reads only what belongs to it. Anything else answers 404, exactly like a
 * missing resource, so that another client's ids reveal nothing.
 */
export function assertVisibleTo(principal: Principal, ownerClientId: string | null | undefined, what: string): void {
  if (!ownerClientId || (principal.role === 'client' && ownerClientId !== principal.id)) throw new NotFoundException(`${what} not found`);
}

export function headerOf(request: PrincipalRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
