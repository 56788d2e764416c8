import { createHmac, createPublicKey, KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import type { StaffTokenConfig } from '@lib/config';
import type { Principal } from '@lib/es-core';

/** Roles a staff token may carry: not clients, panel attorneys (both carry API keys) nor the system. */
export type StaffRole = Exclude<Principal['role'], 'client' | 'system' | 'attorney'>;
export const STAFF_ROLES: readonly StaffRole[] = ['collector', 'supervisor', 'accountant', 'legal', 'compliance', 'admin'];

/** The public secret of the demo mode. Anyone can sign with it, so nothing signed with it is trusted in production. */
export const DEV_STAFF_TOKEN_SECRET = 'dev-only-staff-token-secret';

/** How the all-in-one demo checks staff tokens: the public demo secret, whose tokens may omit `exp`. */
export const DEMO_STAFF_TOKENS: StaffTokenConfig = { kind: 'secret', secret: DEV_STAFF_TOKEN_SECRET };

/** How long an identity provider's key set stays cached, and how long one fetch may take. */
const JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;
const JWKS_FETCH_TIMEOUT_MS = 5_000;

/**
 * A staff token: a JWT signed HS256 with `secret`, carrying `sub` (the staff member's id),
 * `role`, `iat` and, when `expiresAt` is given, `exp`. This is what a deployment's own
 * issuer (or a test) mints; `createStaffTokenVerifier` checks it with jose. Synchronous,
 * so tests and the all-in-one's demo banner mint tokens without awaiting.
 *
 * `expiresAt` is required except under the demo secret: the README's walkthrough prints
 * tokens that never expire, and since anyone can sign with that secret, an expiry there
 * would protect nothing.
 */
export function signStaffToken(secret: string, principal: { role: StaffRole; id: string }, expiresAt?: Date, issuedAt: Date = new Date()): string {
  const claims: Record<string, unknown> = { sub: principal.id, role: principal.role, iat: secondsOf(issuedAt) };
  if (expiresAt) claims.exp = secondsOf(expiresAt);
  const signingInput = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

/**
 * The identity provider's keys could not be fetched: the service, not the caller, is at
 * fault, so the guard answers 503 rather than calling the token invalid.
 */
export class StaffTokenKeysUnavailable extends Error {
  constructor(cause: unknown) {
    super(`the identity provider's keys are unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StaffTokenKeysUnavailable';
  }
}

/** Checks staff bearer tokens against one deployment's keys. */
export interface StaffTokenVerifier {
  /**
   * The principal of a well-signed token whose claims are all valid at `now` (the wall
   * clock), or null for anything else, whatever the token holds. Throws only
   * `StaffTokenKeysUnavailable`.
   */
  verify(token: string, now: Date): Promise<Principal | null>;
}

/**
 * A verifier for `config`: HS256 under a shared secret, RS256/ES256 under an identity
 * provider's keys, nothing else (`none`, or HS256 signed with a public key, is refused).
 * Every token must carry `sub`, `role` (a staff role), `iat` and `exp`, except that under
 * the public demo secret `exp` may be missing.
 */
export function createStaffTokenVerifier(config: StaffTokenConfig): StaffTokenVerifier {
  const { key, algorithms } = keysOf(config);
  const demo = config.kind === 'secret' && config.secret === DEV_STAFF_TOKEN_SECRET;
  const requiredClaims = demo ? ['sub', 'role', 'iat'] : ['sub', 'role', 'iat', 'exp'];
  return {
    async verify(token, now) {
      const options = { algorithms, requiredClaims, currentDate: now, issuer: config.issuer, audience: config.audience };
      let payload: JWTPayload;
      try {
        ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
      } catch (error) {
        if (error instanceof StaffTokenKeysUnavailable) throw error;
        return null;
      }
      return principalOf(payload);
    },
  };
}

function keysOf(config: StaffTokenConfig): { key: Uint8Array | KeyObject | JWTVerifyGetKey; algorithms: string[] } {
  switch (config.kind) {
    case 'secret':
      return { key: new TextEncoder().encode(config.secret), algorithms: ['HS256'] };
    case 'public-key': {
      const key = createPublicKey(config.pem);
      if (key.asymmetricKeyType === 'rsa') return { key, algorithms: ['RS256'] };
      if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { key, algorithms: ['ES256'] };
      throw new Error('STAFF_TOKEN_PUBLIC_KEY must be an RSA key (RS256) or a P-256 key (ES256)');
    }
    case 'jwks':
      return { key: reportingUnavailableKeys(config.url), algorithms: ['RS256', 'ES256'] };
  }
}

/**
 * The identity provider's key set, fetched and cached by jose. A token naming a key the
 * set lacks is the token's fault; failing to fetch or read the set is not.
 */
function reportingUnavailableKeys(url: string): JWTVerifyGetKey {
  const keySet = createRemoteJWKSet(new URL(url), { timeoutDuration: JWKS_FETCH_TIMEOUT_MS, cacheMaxAge: JWKS_CACHE_MAX_AGE_MS });
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new StaffTokenKeysUnavailable(error);
    }
  };
}

function principalOf(payload: JWTPayload): Principal | null {
  const { sub, role } = payload;
  if (typeof sub !== 'string' || sub === '' || typeof role !== 'string' || !(STAFF_ROLES as readonly string[]).includes(role)) return null;
  return { role: role as StaffRole, id: sub };
}

function secondsOf(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function base64url(json: unknown): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}
