import { randomUUID } from 'node:crypto';
import { PgliteEventStore } from '@lib/event-store';
import { signStaffToken } from '@lib/platform';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { ClientIntakeModule } from './client-intake.module';

describe('client intake over HTTP (PGlite event store)', () => {
  let store: PgliteEventStore;
  let http: HttpClient;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, http, close } = await startServiceUnderTest({ name: 'client-intake', clockStart: '2026-06-01T09:00:00.000Z', module: (deps) => ClientIntakeModule.register(deps) }));
  });
  afterAll(() => close());

  async function onboardClientWithKey(name: string): Promise<{ clientId: string; apiKey: string }> {
    const onboarded = await http.post('/clients').set('authorization', staff('admin')).send({ name }).expect(201);
    const issued = await http.post(`/clients/${onboarded.body.clientId}/api-keys`).set('authorization', staff('admin')).expect(201);
    return { clientId: onboarded.body.clientId, apiKey: issued.body.apiKey };
  }

  it('acknowledges a placement, answers a retry with the same key identically, and refuses a reused reference', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Northwind');
    const first = await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'k-1').send(placement('NW-1')).expect(201);
    expect(first.body).toEqual({ accountId: expect.any(String), clientReference: 'NW-1', status: 'acknowledged' });

    const retry = await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'k-1').send(placement('NW-1')).expect(201);
    expect(retry.body).toEqual(first.body);

    const reused = await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'k-2').send(placement('NW-1')).expect(409);
    expect(reused.body.rule).toBe('client-reference-unique');

    const account = await http.get(`/accounts/${first.body.accountId}`).set('x-api-key', apiKey).expect(200);
    expect(account.body).toMatchObject({ clientId, clientReference: 'NW-1', placedAmount: 750_050, currency: 'USD', commissionRateBp: 2_500 });
    const placedEvents = (await store.readAll()).filter((e) => e.type === 'AccountPlaced');
    expect(placedEvents).toHaveLength(1);
    expect(placedEvents[0].metadata.principal).toEqual({ role: 'client', id: clientId });
  });

  it('refuses a placement with several errors, listing every one, and writes nothing', async () => {
    const { apiKey } = await onboardClientWithKey('Contoso');
    const before = (await store.readAll()).length;
    const bad = {
      clientReference: '',
      commercial: 'yes',
      debtor: { kind: 'robot', legalName: 'X', country: 'Narnia' },
      invoices: [{ number: 'A', issueDate: '2026-13-45', dueDate: '2026-01-01', originalAmount: 10.5, currency: 'usd' }],
    };
    const refused = await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'bad-1').send(bad).expect(400);
    const fields = refused.body.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['clientReference', 'commercial', 'debtor.kind', 'debtor.country', 'invoices.0.issueDate', 'invoices.0.originalAmount', 'invoices.0.currency']),
    );
    expect(refused.body.problems.every((p: { reason: string }) => p.reason.length > 0)).toBe(true);

    const contradictory = placement('CT-1');
    contradictory.invoices[1].currency = 'EUR';
    const domainRefusal = await http.post('/placements').set('x-api-key', apiKey).send(contradictory).expect(400);
    expect(domainRefusal.body.problems).toEqual([{ field: 'invoices', reason: 'all invoices must share one currency, got USD, EUR' }]);
    expect((await store.readAll()).length).toBe(before);
  });

  it("keeps a client's accounts from another client: 404, as if the account did not exist", async () => {
    const a = await onboardClientWithKey('Client A');
    const b = await onboardClientWithKey('Client B');
    const placed = await http.post('/placements').set('x-api-key', a.apiKey).send(placement('A-1')).expect(201);
    await http.get(`/accounts/${placed.body.accountId}`).set('x-api-key', b.apiKey).expect(404);
    await http.get(`/accounts/${randomUUID()}`).set('x-api-key', b.apiKey).expect(404);
    await http.get(`/accounts/${placed.body.accountId}`).set('x-api-key', `${a.apiKey}x`).expect(401);
    expect((await http.get('/clients/me').set('x-api-key', b.apiKey).expect(200)).body).toEqual({ clientId: b.clientId });
    await http.get('/clients/me').set('authorization', staff('admin')).expect(403);
  });

  it('lets each endpoint be called only by the roles it states', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Roles Inc');
    await http.post('/clients').send({ name: 'anonymous' }).expect(401);
    for (const role of ['collector', 'supervisor', 'accountant', 'legal', 'compliance'] as const) {
      await http.post('/clients').set('authorization', staff(role)).send({ name: 'nope' }).expect(403);
      await http.post(`/clients/${clientId}/api-keys`).set('authorization', staff(role)).expect(403);
      await http.post('/placements').set('authorization', staff(role)).send(placement(`R-${role}`)).expect(403);
    }
    await http.post('/clients').set('x-api-key', apiKey).send({ name: 'client cannot onboard' }).expect(403);
    const forged = signStaffToken('another-secret', { role: 'admin', id: 'mallory' });
    await http.post('/clients').set('authorization', `Bearer ${forged}`).send({ name: 'forged' }).expect(401);
  });
});

function placement(clientReference: string) {
  return {
    clientReference,
    commercial: true,
    debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY' },
    invoices: [
      { number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 300_000, currency: 'USD' },
      { number: 'INV-2', issueDate: '2026-02-01', dueDate: '2026-03-03', originalAmount: 450_050, currency: 'USD' },
    ],
  };
}
