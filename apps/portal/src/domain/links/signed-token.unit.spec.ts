import { signToken, verifyToken } from './signed-token';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const NOW = Date.parse('2026-06-01T12:00:00Z');

describe('portal tokens', () => {
  const link = { kind: 'link' as const, accountId: 'acc-1', linkId: 'link-1', expiresAt: NOW + 60_000 };

  it('verifies a token signed with the secret, before its expiry', () => {
    expect(verifyToken(SECRET, signToken(SECRET, link), 'link', NOW)).toEqual({ ok: true, payload: link });
  });

  it('calls a token forged with another secret, changed, or malformed forged, and names no account', () => {
    expect(verifyToken(SECRET, signToken('another-secret-of-thirty-two-chars!!', link), 'link', NOW)).toEqual({ ok: false, reason: 'forged' });
    const [version, , signature] = signToken(SECRET, link).split('.');
    const changed = Buffer.from(JSON.stringify({ ...link, accountId: 'acc-2' })).toString('base64url');
    expect(verifyToken(SECRET, `${version}.${changed}.${signature}`, 'link', NOW)).toEqual({ ok: false, reason: 'forged' });
    for (const garbage of ['', 'p1', 'p1.x.y', 'p2.a.b.c', 'x'.repeat(500)]) expect(verifyToken(SECRET, garbage, 'link', NOW)).toEqual({ ok: false, reason: 'forged' });
  });

  it('says which account an expired token named (for the trail), and refuses it', () => {
    expect(verifyToken(SECRET, signToken(SECRET, link), 'link', link.expiresAt)).toEqual({ ok: false, reason: 'expired', payload: link });
  });

  it('does not take a link for a session: the identity check cannot be skipped', () => {
    expect(verifyToken(SECRET, signToken(SECRET, link), 'session', NOW)).toEqual({ ok: false, reason: 'wrong-kind' });
  });
});
