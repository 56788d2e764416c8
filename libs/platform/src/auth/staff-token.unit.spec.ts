import { createHmac, createSign } from 'node:crypto';
import { exportPKCS8, exportSPKI, generateKeyPair, KeyLike, SignJWT } from 'jose';
import type { StaffTokenConfig } from '@lib/config';
import { createStaffTokenVerifier, DEMO_STAFF_TOKENS, DEV_STAFF_TOKEN_SECRET, signStaffToken } from './staff-token';

const SECRET = 'a-deployment-secret-of-at-least-32-characters';
const NOW = new Date('2026-11-23T09:00:00.000Z');
const inMinutes = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const collector = { role: 'collector' as const, id: 'c-7' };
const deployment = createStaffTokenVerifier({ kind: 'secret', secret: SECRET });
const demo = createStaffTokenVerifier(DEMO_STAFF_TOKENS);

const rawBase64url = (text: string) => Buffer.from(text).toString('base64url');
const base64url = (json: unknown) => rawBase64url(JSON.stringify(json));
const hs256 = (input: string, secret = SECRET) => `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
/** A token signed HS256 with `secret` whatever its header and payload hold, as an attacker holding the secret (or a buggy issuer) could make. */
function handSigned(payload: unknown, secret = SECRET, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  return hs256(`${base64url(header)}.${base64url(payload)}`, secret);
}
const validClaims = { sub: 'c-7', role: 'collector', iat: seconds(NOW), exp: seconds(inMinutes(60)) };

describe('staff tokens under a deployment secret (HS256)', () => {
  it('carry the role and id of a JWT signed with the secret, until it expires', async () => {
    const token = signStaffToken(SECRET, collector, inMinutes(60), NOW);
    expect(await deployment.verify(token, NOW)).toEqual(collector);
    expect(await deployment.verify(token, inMinutes(59))).toEqual(collector);
  });

  it('are standard JWTs: a token minted by jose with the same claims is accepted', async () => {
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a-1')
      .setIssuedAt(seconds(NOW))
      .setExpirationTime(seconds(inMinutes(5)))
      .sign(new TextEncoder().encode(SECRET));
    expect(await deployment.verify(token, NOW)).toEqual({ role: 'admin', id: 'a-1' });
  });

  it('are refused from their expiry on', async () => {
    const token = signStaffToken(SECRET, collector, inMinutes(60), NOW);
    expect(await deployment.verify(token, inMinutes(60))).toBeNull();
    expect(await deployment.verify(token, inMinutes(24 * 60))).toBeNull();
  });

  it('are refused without an expiry, so a stolen token cannot work forever', async () => {
    expect(await deployment.verify(signStaffToken(SECRET, collector), NOW)).toBeNull();
  });

  it('are refused when signed with another secret, or when their claims were changed after signing', async () => {
    expect(await deployment.verify(signStaffToken('another-secret', collector, inMinutes(60), NOW), NOW)).toBeNull();
    const [header, , signature] = signStaffToken(SECRET, collector, inMinutes(60), NOW).split('.');
    const promoted = base64url({ ...validClaims, role: 'admin' });
    expect(await deployment.verify(`${header}.${promoted}.${signature}`, NOW)).toBeNull();
    const lengthened = base64url({ ...validClaims, exp: seconds(inMinutes(10 * 24 * 60)) });
    expect(await deployment.verify(`${header}.${lengthened}.${signature}`, inMinutes(120))).toBeNull();
  });

  it('accept only HS256: `none`, HS512 and a changed alg header are refused', async () => {
    expect(await deployment.verify(handSigned(validClaims), NOW)).toEqual(collector);
    const unsecured = `${base64url({ alg: 'none' })}.${base64url(validClaims)}.`;
    expect(await deployment.verify(unsecured, NOW)).toBeNull();
    const hs512 = await new SignJWT(validClaims).setProtectedHeader({ alg: 'HS512' }).sign(new TextEncoder().encode(SECRET));
    expect(await deployment.verify(hs512, NOW)).toBeNull();
    expect(await deployment.verify(handSigned(validClaims, SECRET, { alg: 'RS256' }), NOW)).toBeNull();
  });

  it.each<[string, unknown]>([
    ['a null payload', null],
    ['an array payload', [validClaims]],
    ['a string payload', 'collector'],
    ['a number payload', 42],
    ['no sub', { ...validClaims, sub: undefined }],
    ['an empty sub', { ...validClaims, sub: '' }],
    ['a numeric sub', { ...validClaims, sub: 7 }],
    ['no role', { ...validClaims, role: undefined }],
    ['a role that is not a staff role', { ...validClaims, role: 'client' }],
    ['the system role', { ...validClaims, role: 'system' }],
    ['a role that is not a string', { ...validClaims, role: ['admin'] }],
    ['a role inherited from the prototype', { ...validClaims, role: 'toString' }],
    ['no iat', { ...validClaims, iat: undefined }],
    ['an iat that is not a number', { ...validClaims, iat: 'yesterday' }],
    ['an exp that is not a number', { ...validClaims, exp: '2099-01-01' }],
    ['an exp of null', { ...validClaims, exp: null }],
  ])('are refused, without throwing, when validly signed with %s', async (_, payload) => {
    await expect(deployment.verify(handSigned(payload), NOW)).resolves.toBeNull();
  });

  it.each(['', '.', '..', 'not-a-jwt', 'a.b.c', 'a.b.c.d.e', `${base64url({ alg: 'HS256' })}.%%%.***`, 'x'.repeat(100_000), `${rawBase64url('null')}.${rawBase64url('null')}.`])(
    'are refused, without throwing, when malformed (%#)',
    async (token) => {
      await expect(deployment.verify(token, NOW)).resolves.toBeNull();
    },
  );

  it('are refused with a header or payload that is not JSON, however signed', async () => {
    await expect(deployment.verify(hs256(`${rawBase64url('{not json')}.${base64url(validClaims)}`), NOW)).resolves.toBeNull();
    await expect(deployment.verify(hs256(`${base64url({ alg: 'HS256' })}.${rawBase64url('{"sub":')}`), NOW)).resolves.toBeNull();
    await expect(deployment.verify(hs256(`${rawBase64url('null')}.${base64url(validClaims)}`), NOW)).resolves.toBeNull();
  });

  it('take no role from a __proto__ member of the payload', async () => {
    const payload = `{"sub":"c-7","iat":${validClaims.iat},"exp":${validClaims.exp},"__proto__":{"role":"admin"}}`;
    await expect(deployment.verify(hs256(`${base64url({ alg: 'HS256' })}.${rawBase64url(payload)}`), NOW)).resolves.toBeNull();
  });

  it('check the issuer and audience when the deployment names them', async () => {
    const strict = createStaffTokenVerifier({ kind: 'secret', secret: SECRET, issuer: 'https://idp.example', audience: 'collections' });
    expect(await strict.verify(handSigned({ ...validClaims, iss: 'https://idp.example', aud: 'collections' }), NOW)).toEqual(collector);
    expect(await strict.verify(handSigned({ ...validClaims, iss: 'https://elsewhere.example', aud: 'collections' }), NOW)).toBeNull();
    expect(await strict.verify(handSigned({ ...validClaims, iss: 'https://idp.example', aud: 'another-app' }), NOW)).toBeNull();
    expect(await strict.verify(handSigned(validClaims), NOW)).toBeNull();
  });
});

describe('staff tokens under the public demo secret', () => {
  it('may omit the expiry, since anyone can sign and an expiry would protect nothing', async () => {
    expect(await demo.verify(signStaffToken(DEV_STAFF_TOKEN_SECRET, collector), NOW)).toEqual(collector);
  });

  it('are still refused once an expiry they carry has passed, or with a null payload', async () => {
    expect(await demo.verify(signStaffToken(DEV_STAFF_TOKEN_SECRET, collector, inMinutes(-1), inMinutes(-60)), NOW)).toBeNull();
    expect(await demo.verify(handSigned(null, DEV_STAFF_TOKEN_SECRET), NOW)).toBeNull();
  });

  it('are refused by a deployment with its own secret', async () => {
    expect(await deployment.verify(signStaffToken(DEV_STAFF_TOKEN_SECRET, collector, inMinutes(60), NOW), NOW)).toBeNull();
  });
});

describe("staff tokens under an identity provider's public key (PEM)", () => {
  async function keyPair(alg: 'RS256' | 'ES256'): Promise<{ privateKey: KeyLike; config: StaffTokenConfig }> {
    const { privateKey, publicKey } = await generateKeyPair(alg);
    return { privateKey, config: { kind: 'public-key', pem: await exportSPKI(publicKey) } };
  }
  const mint = (alg: string, key: KeyLike | Uint8Array, claims: Record<string, unknown> = validClaims) => new SignJWT(claims).setProtectedHeader({ alg }).sign(key);

  it.each(['RS256', 'ES256'] as const)('accept %s tokens signed by the provider, and refuse them once expired', async (alg) => {
    const { privateKey, config } = await keyPair(alg);
    const verifier = createStaffTokenVerifier(config);
    const token = await mint(alg, privateKey);
    expect(await verifier.verify(token, NOW)).toEqual(collector);
    expect(await verifier.verify(token, inMinutes(60))).toBeNull();
    expect(await verifier.verify(await mint(alg, privateKey, { ...validClaims, exp: undefined }), NOW)).toBeNull();
  });

  it('refuse tokens signed with another key', async () => {
    const provider = await keyPair('ES256');
    const impostor = await keyPair('ES256');
    expect(await createStaffTokenVerifier(provider.config).verify(await mint('ES256', impostor.privateKey), NOW)).toBeNull();
  });

  it('refuse an HS256 token whose secret is the public key itself (algorithm confusion)', async () => {
    const { config } = await keyPair('RS256');
    const pem = (config as { pem: string }).pem;
    const confused = await mint('HS256', new TextEncoder().encode(pem));
    expect(await createStaffTokenVerifier(config).verify(confused, NOW)).toBeNull();
    expect(await createStaffTokenVerifier(config).verify(handSigned(validClaims, pem), NOW)).toBeNull();
  });

  it('refuse an ES256 token under an RSA key, and a null payload signed by the provider', async () => {
    const rsa = await keyPair('RS256');
    const ec = await keyPair('ES256');
    expect(await createStaffTokenVerifier(rsa.config).verify(await mint('ES256', ec.privateKey), NOW)).toBeNull();
    const nullPayload = `${base64url({ alg: 'RS256' })}.${base64url(null)}`;
    const signature = createSign('RSA-SHA256').update(nullPayload).sign(await exportPKCS8(rsa.privateKey)).toString('base64url');
    await expect(createStaffTokenVerifier(rsa.config).verify(`${nullPayload}.${signature}`, NOW)).resolves.toBeNull();
  });
});
