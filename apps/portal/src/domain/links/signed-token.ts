import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a portal token carries. `link`: the personal link printed on letters and emails
 * (no data shown before the identity check). `session`: handed out after the check passed,
 * short-lived, the only token that shows the account. `checkout`: the local checkout
 * stand-in's page, bound to one checkout of one account.
 */
export type TokenPayload =
  | { kind: 'link'; accountId: string; linkId: string; expiresAt: number }
  /** `linkExpiresAt`: the expiry of the link the session was made from, so a newer link revokes the session too. */
  | { kind: 'session'; accountId: string; linkId: string; linkExpiresAt?: number; expiresAt: number }
  | {
      kind: 'checkout';
      accountId: string;
      checkoutId: string;
      amount: number;
      currency: string;
      method: 'card' | 'ach';
      successUrl: string;
      cancelUrl: string;
      expiresAt: number;
    };

export type TokenVerdict<P extends TokenPayload = TokenPayload> = { ok: true; payload: P } | { ok: false; reason: 'forged' | 'expired' | 'wrong-kind'; payload?: P };

/** Tokens are versioned by a prefix so the format can change without breaking links in the post. */
const VERSION = 'p1';

/**
 * Signs a payload: `p1.<base64url JSON>.<base64url HMAC-SHA256>`. The HMAC covers the
 * version and the payload, so no field can be changed without the secret.
 */
export function signToken(secret: string, payload: TokenPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${VERSION}.${body}.${mac(secret, body)}`;
}

/**
 * Checks a token's signature, kind and expiry (`now` in epoch milliseconds). A forged or
 * malformed token says nothing about which account it names; an expired one does (its
 * signature is good), so the opening can be written to that account's trail.
 */
export function verifyToken<K extends TokenPayload['kind']>(secret: string, token: string, kind: K, now: number): TokenVerdict<Extract<TokenPayload, { kind: K }>> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, reason: 'forged' };
  const [, body, signature] = parts;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'forged' };
  }
  if (!isPayload(payload)) return { ok: false, reason: 'forged' };
  if (payload.kind !== kind) return { ok: false, reason: 'wrong-kind' };
  const typed = payload as Extract<TokenPayload, { kind: K }>;
  if (payload.expiresAt <= now) return { ok: false, reason: 'expired', payload: typed };
  return { ok: true, payload: typed };
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`${VERSION}.${body}`).digest('base64url');
}

function isPayload(value: unknown): value is TokenPayload {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.accountId === 'string' && typeof candidate.expiresAt === 'number' && ['link', 'session', 'checkout'].includes(String(candidate.kind));
}
