import { randomUUID } from 'node:crypto';
import { PgliteEventStore } from '@lib/event-store';
import { AccountPaidInFull, AccountTimeBarred, Contract, INTAKE_ACCOUNTS, PaymentReversedV1 } from '@lib/contracts';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { signStaffToken } from '@lib/platform';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { ClientIntakeModule } from './client-intake.module';

describe('client intake over HTTP (PGlite event store)', () => {
  let store: PgliteEventStore;
  let http: HttpClient;
  let bus: MessageBus;
  let received: (topic: string) => IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, http, bus, received, close } = await startServiceUnderTest({
      name: 'client-intake',
      clockStart: '2026-06-01T09:00:00.000Z',
      module: (deps) => ClientIntakeModule.register(deps),
      listenTo: [INTAKE_ACCOUNTS],
    }));
  });
  afterAll(() => close());

  async function onboardClientWithKey(name: string): Promise<{ clientId: string; keyId: string; apiKey: string }> {
    const onboarded = await http.post('/clients').set('authorization', staff('admin')).send({ name }).expect(201);
    return { clientId: onboarded.body.clientId, ...(await issueKey(onboarded.body.clientId)) };
  }

  async function issueKey(clientId: string): Promise<{ keyId: string; apiKey: string }> {
    const issued = await http.post(`/clients/${clientId}/api-keys`).set('authorization', staff('admin')).expect(201);
    return { keyId: issued.body.keyId, apiKey: issued.body.apiKey };
  }

  const revocationOf = (clientId: string, keyId: string) => `/clients/${clientId}/api-keys/${keyId}/revocation`;
  const clientEvents = (clientId: string) => store.readStream(`client-${clientId}`);

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

  it('places the category, buckets, tax id, addresses and contacts, and publishes them as AccountPlaced.v2', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Fabrikam');
    const body = richPlacement('FB-1', '98-7654321');
    const placed = await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'fb-1').send(body).expect(201);
    const { accountId } = placed.body;
    await waitFor(`AccountPlaced.v2 of ${accountId}`, () => received(INTAKE_ACCOUNTS).some((m) => m.key === accountId), { timeoutMs: 10_000 });
    const message = received(INTAKE_ACCOUNTS).find((m) => m.key === accountId)!;
    expect(message.headers['message-type']).toBe('AccountPlaced.v2');
    expect(message.value).toMatchObject({
      accountId,
      clientId,
      category: 'nsf-cheque',
      placedAmount: 750_050,
      buckets: { principal: 750_050, interest: 12_000, fees: 3_500, costs: 0 },
      debtor: {
        kind: 'company',
        taxId: '98-7654321',
        addresses: body.debtor.addresses,
        phones: [...body.debtor.phones, { number: '+1 212 555 0123', consent: false, doNotContact: false }],
        emails: body.debtor.emails,
      },
    });
  });

  it('refuses an invoice not yet due with its rule and field, and writes nothing', async () => {
    const { apiKey } = await onboardClientWithKey('Tailspin');
    const before = (await store.readAll()).length;
    const early = placement('TS-1');
    early.invoices[1].dueDate = '2026-06-02';
    const refused = await http.post('/placements').set('x-api-key', apiKey).send(early).expect(400);
    expect(refused.body.problems).toEqual([
      { field: 'invoices.1.dueDate', rule: 'invoice-not-yet-due', reason: 'invoice INV-2 is not yet due: it falls due 2026-06-02, after the placement date 2026-06-01' },
    ]);
    expect(await store.readAll()).toHaveLength(before);
  });

  it('refuses a likely duplicate (same tax id and invoice number from the same client) naming the existing account, and writes nothing', async () => {
    const { apiKey } = await onboardClientWithKey('Litware');
    const other = await onboardClientWithKey('Proseware');
    const first = await http.post('/placements').set('x-api-key', apiKey).send(richPlacement('LW-1', '11-1111111')).expect(201);
    const before = (await store.readAll()).length;

    const again = richPlacement('LW-2', '111111111');
    again.invoices[0].number = 'INV-9';
    const refused = await http.post('/placements').set('x-api-key', apiKey).send(again).expect(409);
    expect(refused.body).toMatchObject({ rule: 'placement-likely-duplicate', existingAccountId: first.body.accountId, duplicates: [{ invoiceNumber: 'INV-2', accountId: first.body.accountId }] });
    expect(await store.readAll()).toHaveLength(before);

    // Another client's debtor register is its own, and a debtor without a tax id is not checked.
    await http.post('/placements').set('x-api-key', other.apiKey).send(richPlacement('PW-1', '11-1111111')).expect(201);
    await http.post('/placements').set('x-api-key', apiKey).send(placement('LW-3')).expect(201);
  });

  it('lets one of two racing placements of the same invoice through and refuses the other as its duplicate', async () => {
    const { apiKey } = await onboardClientWithKey('Wingtip');
    const answers = await Promise.all(['WT-1', 'WT-2', 'WT-3'].map((reference) => http.post('/placements').set('x-api-key', apiKey).send(richPlacement(reference, '22-2222222'))));
    const placedOnes = answers.filter((a) => a.status === 201);
    expect(placedOnes).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ rule: 'placement-likely-duplicate', existingAccountId: placedOnes[0].body.accountId });
    }
  });

  it('gives back the invoices a refused placement claimed, so they can be placed under their own reference', async () => {
    const { apiKey } = await onboardClientWithKey('Adatum');
    await http.post('/placements').set('x-api-key', apiKey).send(richPlacement('AD-1', '33-3333333')).expect(201);
    // The same reference with new invoices: claimed for the existing account, then refused by the account's stream.
    const reused = richPlacement('AD-1', '33-3333333');
    reused.invoices = reused.invoices.map((invoice) => ({ ...invoice, number: `${invoice.number}-B` }));
    expect((await http.post('/placements').set('x-api-key', apiKey).send(reused).expect(409)).body.rule).toBe('client-reference-unique');
    await http.post('/placements').set('x-api-key', apiKey).send({ ...reused, clientReference: 'AD-2' }).expect(201);
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
    expect(reused.body).toMatchObject({ type: 'urn:collections:problem:idempotency-key-reused', status: 422, rule: 'idempotency-key-reused', idempotencyKey: 'same-key' });
    expect(reused.body.detail).toMatch(/same-key.*different request/);
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
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'the request has invalid fields',
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
    expect(retry.body).toEqual({
      type: 'urn:collections:problem:api-key-already-issued',
      title: 'Conflict',
      status: 409,
      detail: expect.stringContaining('key-1'),
      rule: 'api-key-already-issued',
      clientId,
      keyId: first.body.keyId,
    });
    expect(JSON.stringify(retry.body)).not.toContain(first.body.apiKey.slice(-12));
    expect(JSON.stringify((await store.readAll()).map(({ data, metadata }) => ({ data, metadata })))).not.toContain(first.body.apiKey.slice(-12));
    const issued = (await store.readStream(`client-${clientId}`)).filter((e) => e.type === 'ApiKeyIssued');
    expect(issued).toHaveLength(1);
    await http.get('/clients/me').set('x-api-key', first.body.apiKey).expect(200);
  });

  it("refuses a revoked key at once (401) while the client's other key keeps working", async () => {
    const { clientId, keyId, apiKey } = await onboardClientWithKey('Leaky Ltd');
    const second = await issueKey(clientId);
    await http.get('/clients/me').set('x-api-key', apiKey).expect(200);

    const revoked = await http.post(revocationOf(clientId, keyId)).set('authorization', staff('admin')).send({ reason: 'pasted into a support ticket' }).expect(201);
    expect(revoked.body).toEqual({ clientId, keyId, reason: 'pasted into a support ticket', revokedAt: '2026-06-01T09:00:00.000Z' });
    const { keyHash } = (await clientEvents(clientId)).find((e) => e.type === 'ApiKeyIssued' && e.data.keyId === keyId)!.data as { keyHash: string };
    expect(JSON.stringify(revoked.body)).not.toContain(keyHash);
    expect(JSON.stringify(revoked.body)).not.toContain(apiKey.slice(-12));

    await http.get('/clients/me').set('x-api-key', apiKey).expect(401);
    await http.post('/placements').set('x-api-key', apiKey).send(placement('LK-1')).expect(401);
    expect((await http.get('/clients/me').set('x-api-key', second.apiKey).expect(200)).body).toEqual({ clientId });
    const recorded = (await clientEvents(clientId)).filter((e) => e.type === 'ApiKeyRevoked');
    expect(recorded.map(({ data, metadata }) => ({ data, principal: metadata.principal }))).toEqual([
      { data: { clientId, keyId, reason: 'pasted into a support ticket', revokedAt: '2026-06-01T09:00:00.000Z' }, principal: { role: 'admin', id: 'admin-1' } },
    ]);
  });

  it('refuses to revoke a key twice (409) or a key the client does not have (404), appending nothing for either', async () => {
    const { clientId, keyId, apiKey } = await onboardClientWithKey('Twice Revoked Co');
    const other = await onboardClientWithKey('Bystander Co');
    const first = await http.post(revocationOf(clientId, keyId)).set('authorization', staff('admin')).expect(201);
    expect(first.body).toEqual({ clientId, keyId, reason: null, revokedAt: expect.any(String) });
    const before = (await clientEvents(clientId)).length;

    const again = await http.post(revocationOf(clientId, keyId)).set('authorization', staff('admin')).send({ reason: 'once more' }).expect(409);
    expect(again.body).toEqual({
      type: 'urn:collections:problem:api-key-already-revoked',
      title: 'Conflict',
      status: 409,
      detail: expect.stringContaining(keyId),
      rule: 'api-key-already-revoked',
      clientId,
      keyId,
      revokedAt: first.body.revokedAt,
    });
    const unknown = await http.post(revocationOf(clientId, randomUUID())).set('authorization', staff('admin')).expect(404);
    expect(unknown.body).toMatchObject({ type: 'urn:collections:problem:api-key-unknown', status: 404, rule: 'api-key-unknown' });
    // Another client's key is not this client's to revoke: it reads as unknown and keeps working.
    const foreign = await http.post(revocationOf(clientId, other.keyId)).set('authorization', staff('admin')).expect(404);
    expect(foreign.body).toMatchObject({ type: 'urn:collections:problem:api-key-unknown', status: 404, rule: 'api-key-unknown' });
    const noClient = await http.post(revocationOf(randomUUID(), keyId)).set('authorization', staff('admin')).expect(404);
    expect(noClient.body).toMatchObject({ type: 'urn:collections:problem:client-unknown', status: 404, rule: 'client-unknown' });

    expect((await clientEvents(clientId)).length).toBe(before);
    expect((await clientEvents(other.clientId)).filter((e) => e.type === 'ApiKeyRevoked')).toEqual([]);
    await http.get('/clients/me').set('x-api-key', other.apiKey).expect(200);
    await http.get('/clients/me').set('x-api-key', apiKey).expect(401);
  });

  it('lets only an admin revoke a key: 403 for every other staff role and for a client, 401 without credentials', async () => {
    const { clientId, keyId, apiKey } = await onboardClientWithKey('Guarded Keys Inc');
    const before = (await clientEvents(clientId)).length;
    for (const role of ['collector', 'supervisor', 'accountant', 'legal', 'compliance'] as const) {
      await http.post(revocationOf(clientId, keyId)).set('authorization', staff(role)).send({ reason: role }).expect(403);
    }
    await http.post(revocationOf(clientId, keyId)).set('x-api-key', apiKey).send({ reason: 'my own key' }).expect(403);
    await http.post(revocationOf(clientId, keyId)).send({ reason: 'anonymous' }).expect(401);
    expect((await clientEvents(clientId)).length).toBe(before);
    await http.get('/clients/me').set('x-api-key', apiKey).expect(200);
  });

  it('answers a keyed retry of a revocation with the first answer and revokes once', async () => {
    const { clientId, keyId } = await onboardClientWithKey('Retrying Admin Co');
    const request = () => http.post(revocationOf(clientId, keyId)).set('authorization', staff('admin')).set('idempotency-key', 'revoke-1');
    const first = await request().send({ reason: 'offboarded' }).expect(201);
    const retry = await request().send({ reason: 'offboarded' }).expect(201);
    expect(retry.body).toEqual(first.body);
    const reused = await request().send({ reason: 'something else' }).expect(422);
    expect(reused.body.rule).toBe('idempotency-key-reused');
    expect((await clientEvents(clientId)).filter((e) => e.type === 'ApiKeyRevoked')).toHaveLength(1);
    // Without the key the same request is a second revocation, not a retry.
    await http.post(revocationOf(clientId, keyId)).set('authorization', staff('admin')).send({ reason: 'offboarded' }).expect(409);
  });

  it('accepts the largest placement the API documents, pretty-printed, and refuses bodies beyond the limits with a problem', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Largest Placement Inc');
    const largest = largestPlacement();
    const pretty = JSON.stringify(largest, null, 2);
    expect(largest.invoices).toHaveLength(500);
    const placed = await http.post('/placements').set('x-api-key', apiKey).set('content-type', 'application/json').send(pretty).expect(201);
    expect(placed.body).toEqual({ accountId: expect.any(String), clientReference: largest.clientReference, status: 'acknowledged' });
    const [stored] = await store.readStream(`account-${placed.body.accountId}`);
    expect(stored.data).toMatchObject({ clientId, debtor: largest.debtor, invoices: largest.invoices, placedAmount: 500 * 10_000_000_000_000 });

    const before = (await store.readAll()).length;
    const tooLarge = JSON.stringify({ ...placement('TOO-LARGE-1'), padding: 'x'.repeat(1024 * 1024) });
    const large = await http.post('/placements').set('x-api-key', apiKey).set('content-type', 'application/json').send(tooLarge).expect(413);
    expect(large.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(large.body).toMatchObject({ type: 'urn:collections:problem:body-too-large', status: 413, rule: 'body-too-large' });

    const text = await http.post('/placements').set('x-api-key', apiKey).set('content-type', 'text/plain').send(JSON.stringify(placement('TEXT-1'))).expect(415);
    expect(text.body).toMatchObject({ type: 'urn:collections:problem:unsupported-media-type', status: 415, rule: 'unsupported-media-type' });

    const deep = `{"clientReference":"DEEP-1","invoices":${'['.repeat(2_000)}${']'.repeat(2_000)}}`;
    const nested = await http.post('/placements').set('x-api-key', apiKey).set('content-type', 'application/json').send(deep).expect(400);
    expect(nested.body).toMatchObject({ type: 'urn:collections:problem:json-too-deep', status: 400, rule: 'json-too-deep' });
    expect((await store.readAll()).length).toBe(before);
  });

  it('refuses an x-correlation-id or Idempotency-Key over 128 characters, naming the header, and writes nothing', async () => {
    const { apiKey } = await onboardClientWithKey('Long Headers Co');
    const before = (await store.readAll()).length;
    const correlation = await http.post('/placements').set('x-api-key', apiKey).set('x-correlation-id', 'c'.repeat(129)).send(placement('LH-1')).expect(400);
    expect(correlation.body).toMatchObject({ type: 'about:blank', status: 400, problems: [{ field: 'x-correlation-id', reason: expect.stringContaining('128') }] });
    const key = await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'k'.repeat(129)).send(placement('LH-1')).expect(400);
    expect(key.body).toMatchObject({ status: 400, problems: [{ field: 'idempotency-key', reason: expect.stringContaining('128') }] });
    expect((await store.readAll()).length).toBe(before);

    // 128 is still allowed, and the correlation id reaches the event's metadata as sent.
    const placed = await http.post('/placements').set('x-api-key', apiKey).set('x-correlation-id', 'c'.repeat(128)).set('idempotency-key', 'k'.repeat(128)).send(placement('LH-1')).expect(201);
    const [event] = await store.readStream(`account-${placed.body.accountId}`);
    expect(event.metadata.correlationId).toBe('c'.repeat(128));
  });

  it("answers 404 to a client authorizing suit on another client's account, writes nothing (the key included), and lets the key serve its own request after", async () => {
    const owner = await onboardClientWithKey('Suit Owner');
    const intruder = await onboardClientWithKey('Suit Intruder');
    const theirs = (await http.post('/placements').set('x-api-key', owner.apiKey).send(placement('SO-1')).expect(201)).body.accountId as string;
    const mine = (await http.post('/placements').set('x-api-key', intruder.apiKey).send(placement('SI-1')).expect(201)).body.accountId as string;
    const consent = { agreesToSuitFee: true, agreesToAdvanceCosts: true };

    const before = (await store.readAll()).length;
    const refused = await http.post(`/accounts/${theirs}/legal-authorization`).set('x-api-key', intruder.apiKey).set('idempotency-key', 'suit-1').send(consent).expect(404);
    expect(refused.body).toMatchObject({ type: 'urn:collections:problem:account-unknown', status: 404, rule: 'account-unknown' });
    expect((await store.readAll()).length).toBe(before);

    const own = await http.post(`/accounts/${mine}/legal-authorization`).set('x-api-key', intruder.apiKey).set('idempotency-key', 'suit-1').send(consent).expect(200);
    expect(own.body).toEqual({ accountId: mine, legalAuthorized: true });
    expect((await store.readStream(`account-${mine}`)).map((e) => e.type)).toEqual(['AccountPlaced', 'LegalReferralAuthorized']);
    expect((await store.readStream(`account-${theirs}`)).map((e) => e.type)).toEqual(['AccountPlaced']);
  });

  /** What payments publishes, as payments would: on its topic, keyed by account. */
  async function publishFromPayments<Data>(contract: Contract<Data>, accountId: string, value: Data): Promise<void> {
    const id = randomUUID();
    await bus.publish([
      {
        topic: contract.topic,
        key: accountId,
        value,
        headers: { 'message-type': contract.type, 'message-id': id, 'correlation-id': `corr-${accountId}`, 'causation-id': id, 'source-stream': `ledger-${accountId}`, 'source-version': '0' },
      },
    ]);
  }
  const publishedOf = (accountId: string, type: string) => received(INTAKE_ACCOUNTS).filter((m) => m.key === accountId && m.headers['message-type'] === type);
  const waitForPublished = (accountId: string, type: string, count: number) =>
    waitFor(`${count} ${type} for ${accountId}`, () => publishedOf(accountId, type).length >= count, { timeoutMs: 5_000 }, () => `seen ${publishedOf(accountId, type).length}`);

  it('closes an account paid in full, reopens it when the paying payment bounces, and closes it again when paid off', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Tailspin');
    const { accountId } = (await http.post('/placements').set('x-api-key', apiKey).send(placement('TS-1')).expect(201)).body as { accountId: string };
    const paid = { accountId, clientId, paidAt: '2026-06-02T09:00:00.000Z' };

    await publishFromPayments(AccountPaidInFull, accountId, paid);
    await waitForPublished(accountId, 'AccountClosed.v1', 1);
    expect((await http.get(`/accounts/${accountId}`).set('x-api-key', apiKey).expect(200)).body).toMatchObject({ status: 'closed', closingCode: 'paid-in-full' });

    const bounced = { accountId, clientId, paymentId: 'pay-1', amount: 750_050, currency: 'USD', commission: 187_513, reason: 'nsf', balanceAfter: 750_050, reversedAt: '2026-06-03T09:00:00.000Z' };
    await publishFromPayments(PaymentReversedV1, accountId, bounced);
    await waitForPublished(accountId, 'AccountReopened.v1', 1);
    expect(publishedOf(accountId, 'AccountReopened.v1')[0].value).toEqual({
      accountId,
      clientId,
      previousClosingCode: 'paid-in-full',
      reason: 'payment-reversed',
      paymentId: 'pay-1',
      balance: 750_050,
      reopenedAt: expect.any(String),
    });
    const reopened = (await http.get(`/accounts/${accountId}`).set('x-api-key', apiKey).expect(200)).body;
    expect(reopened).toMatchObject({ status: 'active', reopenedAt: expect.any(String) });
    expect(reopened.closingCode).toBeNull();

    // Paid off again: payments announces it again, and the account closes a second time.
    await publishFromPayments(AccountPaidInFull, accountId, { ...paid, paidAt: '2026-06-04T09:00:00.000Z' });
    await waitForPublished(accountId, 'AccountClosed.v1', 2);
    expect((await http.get(`/accounts/${accountId}`).set('x-api-key', apiKey).expect(200)).body).toMatchObject({ status: 'closed', closingCode: 'paid-in-full' });
    expect((await store.readStream(`account-${accountId}`)).map((e) => e.type)).toEqual(['AccountPlaced', 'AccountClosed', 'AccountReopened', 'AccountClosed']);
  });

  it('publishes the claim type named at placement, and closes the account time-barred when legal referral finds it past its statute of limitations', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Barred Goods Inc');
    const { accountId } = (await http.post('/placements').set('x-api-key', apiKey).send({ ...placement('TB-1'), claimType: 'sale-of-goods' }).expect(201)).body as { accountId: string };
    await waitForPublished(accountId, 'AccountPlaced.v2', 1);
    expect(publishedOf(accountId, 'AccountPlaced.v2')[0].value).toMatchObject({ claimType: 'sale-of-goods' });
    await http.post('/placements').set('x-api-key', apiKey).send({ ...placement('TB-2'), claimType: 'tort' }).expect(400);

    const barred = { accountId, clientId, jurisdiction: 'US-NY', claimType: 'sale-of-goods' as const, expiredOn: '2026-05-31', citation: 'N.Y. U.C.C. Law § 2-725', reason: '4 years from 2022-05-31', noticedAt: '2026-06-02T09:00:00.000Z' };
    await publishFromPayments(AccountTimeBarred, accountId, barred);
    await waitForPublished(accountId, 'AccountClosed.v1', 1);
    expect(publishedOf(accountId, 'AccountClosed.v1')[0].value).toMatchObject({ closingCode: 'time-barred' });
    expect((await http.get(`/accounts/${accountId}`).set('x-api-key', apiKey).expect(200)).body).toMatchObject({ status: 'closed', closingCode: 'time-barred' });
  });

  it("keeps a client's accounts from another client: 404, as if the account did not exist", async () => {
    const a = await onboardClientWithKey('Client A');
    const b = await onboardClientWithKey('Client B');
    const placed = await http.post('/placements').set('x-api-key', a.apiKey).send(placement('A-1')).expect(201);
    const foreign = await http.get(`/accounts/${placed.body.accountId}`).set('x-api-key', b.apiKey).expect(404);
    const missing = await http.get(`/accounts/${randomUUID()}`).set('x-api-key', b.apiKey).expect(404);
    expect(foreign.body).toMatchObject({ type: 'urn:collections:problem:account-unknown', status: 404, rule: 'account-unknown' });
    // The same answer, apart from the id it names: nothing tells the two apart.
    expect({ ...foreign.body, detail: undefined }).toEqual({ ...missing.body, detail: undefined });
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
    const forged = signStaffToken('another-secret', { role: 'admin', id: 'mallory' }, new Date(Date.now() + 3_600_000));
    await http.post('/clients').set('authorization', `Bearer ${forged}`).send({ name: 'forged' }).expect(401);
  });
});

const fieldsOf = (body: { problems: Array<{ field: string }> }) => body.problems.map((p) => p.field);

/**
 * The largest placement the API documents: 500 invoices (the most one placement takes)
 * with 64-character numbers, every optional debtor field at its longest, a 64-character
 * reference and a 200-character legal name.
 */
function largestPlacement() {
  return {
    clientReference: 'R'.repeat(64),
    commercial: true,
    debtor: {
      kind: 'company',
      legalName: 'L'.repeat(200),
      taxId: 'T'.repeat(32),
      country: 'US',
      region: 'R'.repeat(8),
      email: 'accounts.payable.department@acme-widgets-international.example.com',
      phone: '+1 212 555 0100 ext. 1234567890',
    },
    invoices: Array.from({ length: 500 }, (_, index) => ({
      number: `INV-${String(index).padStart(60, '0')}`,
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
      originalAmount: 10_000_000_000_000,
      currency: 'USD',
    })),
  };
}

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

function richPlacement(clientReference: string, taxId: string) {
  const base = placement(clientReference);
  return {
    ...base,
    category: 'nsf-cheque',
    interest: 12_000,
    fees: 3_500,
    costs: 0,
    debtor: {
      ...base.debtor,
      taxId,
      phone: '+1 212 555 0123',
      addresses: [{ lines: ['350 Fifth Avenue', 'Suite 4100'], city: 'New York', region: 'NY', postalCode: '10118', country: 'US' }],
      phones: [{ number: '+12125550100', consent: true, doNotContact: true }],
      emails: [{ address: 'ap@acme.example', consent: true, doNotContact: false }],
    },
  };
}
