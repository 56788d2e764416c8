/**
 * Staff tokens expire in real time. A deployment with its own secret refuses an expired
 * token and one that never expires; the wall clock here is a test clock moved by the spec,
 * apart from the business clock, which stays where it is. Whatever a token holds, the
 * guard answers 401, never 500.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { TestClock } from '@lib/clock';
import { signStaffToken } from '@lib/platform';
import { ClientIntakeModule } from '../../apps/client-intake/src/client-intake.module';
import { HttpClient, startServiceUnderTest } from '../support/service-under-test';

const SECRET = 'a-deployment-secret-of-at-least-32-characters';

describe('staff token expiry, through a service with its own secret', () => {
  const wallClock = new TestClock('2026-11-23T09:00:00.000Z');
  let http: HttpClient;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ http, close } = await startServiceUnderTest({
      name: 'client-intake',
      clockStart: '2026-06-01T09:00:00.000Z',
      module: (deps) => ClientIntakeModule.register(deps),
      auth: { staffTokens: { kind: 'secret', secret: SECRET }, wallClock },
    }));
  });
  afterAll(() => close());

  const bearer = (expiresAt?: Date) => `Bearer ${signStaffToken(SECRET, { role: 'collector', id: 'c-1' }, expiresAt)}`;
  // Authenticated callers learn the account is missing (404); the others never get that far (401).
  const readAnAccount = (authorization: string) => http.get(`/accounts/${randomUUID()}`).set('authorization', authorization);

  it('lets a token in until it expires, then answers 401', async () => {
    const token = bearer(new Date(wallClock.now().getTime() + 8 * 3_600_000));
    await readAnAccount(token).expect(404);
    wallClock.advance({ hours: 7, minutes: 59 });
    await readAnAccount(token).expect(404);
    wallClock.advance({ minutes: 1 });
    const refused = await readAnAccount(token).expect(401);
    expect(refused.body.detail).toBe('missing or invalid credentials');
  });

  it('refuses a token that never expires, and one signed with the public demo secret', async () => {
    await readAnAccount(bearer()).expect(401);
    const demo = `Bearer ${signStaffToken('dev-only-staff-token-secret', { role: 'collector', id: 'c-1' })}`;
    await readAnAccount(demo).expect(401);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', [{ sub: 'c-1', role: 'admin' }]],
    ['a number', 7],
    ['claims of the wrong types', { sub: 1, role: { admin: true }, iat: 'now', exp: 'never' }],
  ])('answers 401, not 500, to a validly signed token whose payload is %s', async (_, payload) => {
    const input = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    const token = `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
    const refused = await readAnAccount(`Bearer ${token}`).expect(401);
    expect(refused.body.detail).toBe('missing or invalid credentials');
  });

  it('answers 401 to an unsigned (`alg: none`) token and to garbage', async () => {
    const claims = { sub: 'c-1', role: 'admin', iat: Math.floor(wallClock.now().getTime() / 1000), exp: Math.floor(wallClock.now().getTime() / 1000) + 3600 };
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    await readAnAccount(`Bearer ${unsigned}`).expect(401);
    await readAnAccount('Bearer ').expect(401);
    await readAnAccount(`Bearer ${'.'.repeat(5000)}`).expect(401);
  });
});
