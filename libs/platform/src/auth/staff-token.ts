import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Principal } from '@lib/es-core';

export type StaffRole = Exclude<Principal['role'], 'client' | 'system'>;
export const STAFF_ROLES: readonly StaffRole[] = ['collector', 'supervisor', 'accountant', 'legal', 'compliance', 'admin'];

/**
 * Staff bearer tokens: `base64url(payload).base64url(hmac-sha256)`, signed with a secret
 * every service shares. The identity provider of a real deployment would issue these;
 * the format is the smallest that carries a role and an id and cannot be forged.
 */
export function signStaffToken(secret: string, principal: { role: StaffRole; id: string }): string {
  const payload = Buffer.from(JSON.stringify({ role: principal.role, id: principal.id })).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function verifyStaffToken(secret: string, token: string): Principal | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { role: StaffRole; id: string };
    if (!STAFF_ROLES.includes(claims.role) || typeof claims.id !== 'string') return null;
    return { role: claims.role, id: claims.id };
  } catch {
    return null;
  }
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
