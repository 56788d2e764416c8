import type { EventStore } from '@lib/event-store';
import { PgliteEventStore } from '@lib/event-store';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { ClientIntakeModule } from './client-intake.module';

/**
 * A process can die after a command's events are appended and before its answer is stored
 * under the Idempotency-Key. Here the store refuses to keep the answer once, which looks
 * the same to the caller (a 500), and the retry must not repeat the command.
 */
describe('client intake when the answer to a keyed request is lost (PGlite event store)', () => {
  let store: PgliteEventStore;
  let http: HttpClient;
  let close: () => Promise<void>;
  let loseNextAnswer = false;

  beforeAll(async () => {
    ({ store, http, close } = await startServiceUnderTest({
      name: 'client-intake',
      clockStart: '2026-06-01T09:00:00.000Z',
      module: (deps) => ClientIntakeModule.register({ ...deps, eventStore: losingAnswers(deps.eventStore, () => loseNextAnswer, () => (loseNextAnswer = false)) }),
    }));
  });
  afterAll(() => close());

  it('onboards one client when the retry of a keyed onboarding follows a lost answer', async () => {
    loseNextAnswer = true;
    const lost = await http.post('/clients').set('authorization', staff('admin')).set('idempotency-key', 'onboard-1').send({ name: 'Crashy Co' }).expect(500);
    // A problem body that says nothing of what failed inside (the log line does).
    expect(lost.body).toMatchObject({ type: 'about:blank', status: 500 });
    expect(JSON.stringify(lost.body)).not.toContain('the process died');
    const retry = await http.post('/clients').set('authorization', staff('admin')).set('idempotency-key', 'onboard-1').send({ name: 'Crashy Co' }).expect(201);
    expect(retry.body).toMatchObject({ clientId: expect.any(String), name: 'Crashy Co' });
    const onboarded = (await store.readAll()).filter((e) => e.type === 'ClientOnboarded' && (e.data as { name: string }).name === 'Crashy Co');
    expect(onboarded.map((e) => (e.data as { clientId: string }).clientId)).toEqual([retry.body.clientId]);
  });

  it('gives a different admin using the same key a client of its own', async () => {
    const mine = await http.post('/clients').set('authorization', staff('admin', 'admin-1')).set('idempotency-key', 'shared-key').send({ name: 'Mine' }).expect(201);
    const theirs = await http.post('/clients').set('authorization', staff('admin', 'admin-2')).set('idempotency-key', 'shared-key').send({ name: 'Theirs' }).expect(201);
    expect(theirs.body.clientId).not.toBe(mine.body.clientId);
  });

  it('mints one API key when the retry of a keyed issue follows a lost answer, and does not show it on the retry', async () => {
    const { clientId } = (await http.post('/clients').set('authorization', staff('admin')).send({ name: 'Key Loser' }).expect(201)).body;
    loseNextAnswer = true;
    await http.post(`/clients/${clientId}/api-keys`).set('authorization', staff('admin')).set('idempotency-key', 'issue-1').expect(500);
    const retry = await http.post(`/clients/${clientId}/api-keys`).set('authorization', staff('admin')).set('idempotency-key', 'issue-1').expect(409);
    expect(retry.body).toMatchObject({ type: 'urn:collections:problem:api-key-already-issued', status: 409, rule: 'api-key-already-issued', clientId, keyId: expect.any(String) });
    expect(retry.body.apiKey).toBeUndefined();
    const issued = (await store.readStream(`client-${clientId}`)).filter((e) => e.type === 'ApiKeyIssued');
    expect(issued.map((e) => (e.data as { keyId: string }).keyId)).toEqual([retry.body.keyId]);
  });
});

/** The store as it is, except that it fails to keep the next stored answer while `armed()` says so. */
function losingAnswers<Store extends EventStore>(store: Store, armed: () => boolean, disarm: () => void): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== 'appendToStream') return typeof value === 'function' ? value.bind(target) : value;
      return (async (...args: Parameters<EventStore['appendToStream']>) => {
        const [streamId, events] = args;
        if (armed() && streamId.startsWith('idempotency-') && events.some((e) => e.type === 'RequestAnswered')) {
          disarm();
          throw new Error('the process died before the answer was stored');
        }
        return target.appendToStream(...args);
      }) satisfies EventStore['appendToStream'];
    },
  });
}
