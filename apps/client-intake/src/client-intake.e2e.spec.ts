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

  it('refuses an Idempotency-Key reused for another placement with 422, and places nothing for it', async () => {
    const { apiKey } = await onboardClientWithKey('Reuser');
    const first = await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'same-key').send(placement('R-1')).expect(201);
    const before = (await store.readAll()).length;
    const reused = await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'same-key').send(placement('R-2')).expect(422);
    expect(reused.body).toMatchObject({ statusCode: 422, rule: 'idempotency-key-reused', idempotencyKey: 'same-key' });
    expect(reused.body.message).toMatch(/same-key.*different request/);
    expect((await store.readAll()).length).toBe(before);
    // R-2 with a key of its own is placed; R-1's retry still gets its first answer.
    await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'other-key').send(placement('R-2')).expect(201);
    const retried = await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'same-key').send(placement('R-1')).expect(201);
    expect(retried.body).toEqual(first.body);
  });

  it('refuses a placement without a debtor, or with one that is not an object', async () => {
    const { apiKey } = await onboardClientWithKey('No Debtor Co');
    const before = (await store.readAll()).length;
    const { debtor: _, ...withoutDebtor } = placement('ND-1');
    const missing = await http.post('/placements').set('x-api-key', apiKey).send(withoutDebtor).expect(400);
    expect(fieldsOf(missing.body)).toEqual(['debtor']);
    const text = await http.post('/placements').set('x-api-key', apiKey).send({ ...placement('ND-2'), debtor: 'Acme' }).expect(400);
    expect(fieldsOf(text.body)).toContain('debtor');
    expect((await store.readAll()).length).toBe(before);
  });

  it('accepts invoice dates only as real calendar dates written YYYY-MM-DD', async () => {
    const { apiKey } = await onboardClientWithKey('Dates Ltd');
    const before = (await store.readAll()).length;
    const dated = placement('DT-1');
    dated.invoices[0].issueDate = '2026-01-01T00:00:00Z';
    dated.invoices[0].dueDate = '20260131';
    dated.invoices[1].issueDate = '2026-02-30';
    dated.invoices[1].dueDate = '2026-3-3';
    const refused = await http.post('/placements').set('x-api-key', apiKey).send(dated).expect(400);
    expect(refused.body.problems).toEqual([
      { field: 'invoices.0.issueDate', reason: 'issueDate must be a calendar date written YYYY-MM-DD' },
      { field: 'invoices.0.dueDate', reason: 'dueDate must be a calendar date written YYYY-MM-DD' },
      { field: 'invoices.1.issueDate', reason: 'issueDate must be a calendar date written YYYY-MM-DD' },
      { field: 'invoices.1.dueDate', reason: 'dueDate must be a calendar date written YYYY-MM-DD' },
    ]);
    expect((await store.readAll()).length).toBe(before);
  });

  it('refuses amounts that are not safe integers, one by one or summed up', async () => {
    const { apiKey } = await onboardClientWithKey('Big Numbers Inc');
    const before = (await store.readAll()).length;
    const huge = placement('BIG-1');
    huge.invoices[0].originalAmount = 1e20;
    const one = await http.post('/placements').set('x-api-key', apiKey).send(huge).expect(400);
    expect(one.body.problems).toEqual([{ field: 'invoices.0.originalAmount', reason: 'originalAmount must not be greater than 9007199254740991' }]);

    const summed = placement('BIG-2');
    summed.invoices[0].originalAmount = Number.MAX_SAFE_INTEGER;
    summed.invoices[1].originalAmount = 2;
    const total = await http.post('/placements').set('x-api-key', apiKey).send(summed).expect(400);
    expect(total.body.problems).toEqual([{ field: 'invoices', reason: 'the invoices total more than 9007199254740991 minor units' }]);
    expect((await store.readAll()).length).toBe(before);
  });

  it('lists the problems of the fields and the contradictions between them in one answer', async () => {
    const { apiKey } = await onboardClientWithKey('Many Problems LLC');
    const before = (await store.readAll()).length;
    const bad = placement('MP-1');
    bad.invoices[0] = { ...bad.invoices[0], number: 'A', originalAmount: 0 };
    bad.invoices[1] = { ...bad.invoices[1], number: 'A', currency: 'EUR' };
    const refused = await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'mp-1').send(bad).expect(400);
    expect(refused.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'the request has invalid fields',
      problems: [
        { field: 'invoices.0.originalAmount', reason: 'originalAmount must not be less than 1' },
        { field: 'invoices', reason: 'all invoices must share one currency, got USD, EUR' },
        { field: 'invoices.1.number', reason: 'duplicate invoice number A' },
      ],
    });
    expect((await store.readAll()).length).toBe(before);
  });

  it('records a legal authorization once per Idempotency-Key, answering the retry alike', async () => {
    const { apiKey } = await onboardClientWithKey('Litigious Ltd');
    const { accountId } = (await http.post('/placements').set('x-api-key', apiKey).send(placement('LA-1')).expect(201)).body;
    const consent = { agreesToSuitFee: true, agreesToAdvanceCosts: true };
    const first = await http.post(`/accounts/${accountId}/legal-authorization`).set('x-api-key', apiKey).set('idempotency-key', 'auth-1').send(consent).expect(200);
    const retry = await http.post(`/accounts/${accountId}/legal-authorization`).set('x-api-key', apiKey).set('idempotency-key', 'auth-1').send(consent).expect(200);
    expect(retry.body).toEqual(first.body);
    expect(first.body).toEqual({ accountId, legalAuthorized: true });
    const authorized = (await store.readStream(`account-${accountId}`)).filter((e) => e.type === 'LegalReferralAuthorized');
    expect(authorized).toHaveLength(1);
  });

  it('issues an API key once per Idempotency-Key and never shows it again: the retry answers 409 with its id only', async () => {
    const onboarded = await http.post('/clients').set('authorization', staff('admin')).send({ name: 'Keyed Co' }).expect(201);
    const { clientId } = onboarded.body;
    const first = await http.post(`/clients/${clientId}/api-keys`).set('authorization', staff('admin')).set('idempotency-key', 'key-1').expect(201);
    expect(first.body).toEqual({ clientId, keyId: expect.any(String), apiKey: expect.stringMatching(/^ck_/) });
    const retry = await http.post(`/clients/${clientId}/api-keys`).set('authorization', staff('admin')).set('idempotency-key', 'key-1').expect(409);
    expect(retry.body).toEqual({ statusCode: 409, rule: 'api-key-already-issued', message: expect.stringContaining('key-1'), clientId, keyId: first.body.keyId });
    expect(JSON.stringify(retry.body)).not.toContain(first.body.apiKey.slice(-12));
    expect(JSON.stringify((await store.readAll()).map(({ data, metadata }) => ({ data, metadata })))).not.toContain(first.body.apiKey.slice(-12));
    const issued = (await store.readStream(`client-${clientId}`)).filter((e) => e.type === 'ApiKeyIssued');
    expect(issued).toHaveLength(1);
    await http.get('/clients/me').set('x-api-key', first.body.apiKey).expect(200);
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

const fieldsOf = (body: { problems: Array<{ field: string }> }) => body.problems.map((p) => p.field);

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
