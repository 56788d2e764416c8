import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Principal } from '@lib/es-core';

export type StaffRole = Exclude<Principal['role'], 'client' | 'system'>;
export const STAFF_ROLES: readonly StaffRole[] = ['collector', 'supervisor', 'accountant', 'legal', 'compliance', 'admin'];

/** The public secret of the demo mode. Anyone can sign with it, so nothing signed with it is trusted in production. */
export const DEV_STAFF_TOKEN_SECRET = 'dev-only-staff-token-secret';

interface StaffClaims {
  role: StaffRole;
  id: string;
  /** Expiry, seconds since the epoch (as JWT's `exp`). */
  exp?: number;
}

/**
 * Staff bearer tokens: `base64url(payload).base64url(hmac-sha256)`, signed with a secret
 * every service shares. The identity provider of a real deployment would issue these;
 * the format is the smallest that carries a role, an id and an expiry and cannot be forged.
 *
 * `expiresAt` is required except under the demo secret: the README's walkthrough prints
 * tokens that never expire, and since anyone can sign with that secret, an expiry there
 * would protect nothing.
 */
export function signStaffToken(secret: string, principal: { role: StaffRole; id: string }, expiresAt?: Date): string {
  const claims: StaffClaims = { role: principal.role, id: principal.id };
  if (expiresAt) claims.exp = Math.floor(expiresAt.getTime() / 1000);
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/**
 * The principal of a well-signed token that has not expired at `now`, or null. Under any
 * secret but the demo one, a token without an expiry is refused: a stolen token must stop
 * working by itself.
 */
export function verifyStaffToken(secret: string, token: string, now: Date): Principal | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let claims: StaffClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as StaffClaims;
  } catch {
    return null;
  }
  if (!STAFF_ROLES.includes(claims.role) || typeof claims.id !== 'string') return null;
  if (claims.exp === undefined) return secret === DEV_STAFF_TOKEN_SECRET ? { role: claims.role, id: claims.id } : null;
  if (typeof claims.exp !== 'number' || now.getTime() >= claims.exp * 1000) return null;
  return { role: claims.role, id: claims.id };
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
