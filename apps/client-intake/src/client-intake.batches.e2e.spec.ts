import { INTAKE_CLIENTS, PlacementBatchCompleted } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { ClientIntakeModule } from './client-intake.module';

const HEADER = 'clientReference,commercial,debtorKind,debtorLegalName,debtorCountry,debtorRegion,invoiceNumber,issueDate,dueDate,originalAmount,currency';
const row = (reference: string, overrides: Partial<Record<'name' | 'amount' | 'currency' | 'issueDate' | 'country', string>> = {}) =>
  [reference, 'true', 'company', overrides.name ?? 'Acme Widgets LLC', overrides.country ?? 'US', 'NY', `INV-${reference}`, overrides.issueDate ?? '2026-01-15', '2026-02-14', overrides.amount ?? '125000', overrides.currency ?? 'USD'].join(',');

describe('bulk placement by file over HTTP (PGlite event store)', () => {
  let store: PgliteEventStore;
  let http: HttpClient;
  let published: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({
      name: 'client-intake',
      clockStart: '2026-06-01T09:00:00.000Z',
      module: (deps) => ClientIntakeModule.register(deps),
      listenTo: [INTAKE_CLIENTS],
    });
    ({ store, http, close } = sut);
    published = sut.received(INTAKE_CLIENTS);
  });
  afterAll(() => close());

  async function onboardClientWithKey(name: string): Promise<{ clientId: string; apiKey: string }> {
    const onboarded = await http.post('/clients').set('authorization', staff('admin')).send({ name }).expect(201);
    const issued = await http.post(`/clients/${onboarded.body.clientId}/api-keys`).set('authorization', staff('admin')).expect(201);
    return { clientId: onboarded.body.clientId, apiKey: issued.body.apiKey };
  }

  function upload(apiKey: string, body: string, contentType = 'text/csv', key?: string) {
    const call = http.post('/placements/batches').set('x-api-key', apiKey).set('content-type', contentType);
    return (key ? call.set('idempotency-key', key) : call).send(body);
  }

  async function completed(apiKey: string, batchId: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 200; i++) {
      const status = await http.get(`/placements/batches/${batchId}`).set('x-api-key', apiKey).expect(200);
      if (status.body.status === 'completed') return status.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`batch ${batchId} did not complete`);
  }

  async function results(apiKey: string, batchId: string): Promise<Array<Record<string, unknown>>> {
    const answer = await http.get(`/placements/batches/${batchId}/results`).set('x-api-key', apiKey).buffer(true).parse((response, done) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => done(null, text));
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/x-ndjson/);
    return (answer.body as string).trim().split('\n').map((line) => JSON.parse(line));
  }

  it('answers 202 with a Location at once, places the good rows and lists every problem of each bad row', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Bulk Northwind');
    const file = [
      HEADER,
      row('B-1'),
      row('B-2', { name: '"Smith, Jones & ""Partners"""' }),
      row('B-3', { amount: '12.50', currency: 'usd', issueDate: '2027-01-01' }),
      'B-4,true,company,Too Few Cells',
      row('B-1'),
      row('B-5', { name: '', country: 'XX' }),
      '',
    ].join('\r\n');
    const accepted = await upload(apiKey, file).expect(202);
    expect(accepted.body).toEqual({ batchId: expect.any(String), received: 6, status: 'accepted', location: `/placements/batches/${accepted.body.batchId}` });
    expect(accepted.headers.location).toBe(`/placements/batches/${accepted.body.batchId}`);

    const status = await completed(apiKey, accepted.body.batchId);
    expect(status).toMatchObject({ batchId: accepted.body.batchId, clientId, format: 'csv', received: 6, placed: 2, alreadyPlaced: 1, refused: 3, pending: 0, progress: 1 });

    const lines = await results(apiKey, accepted.body.batchId);
    expect(lines.map((line) => [line.row, line.outcome])).toEqual([[1, 'placed'], [2, 'placed'], [3, 'refused'], [4, 'refused'], [5, 'already-placed'], [6, 'refused']]);
    expect(lines[4].accountId).toBe(lines[0].accountId);
    const fieldsOf = (line: Record<string, unknown>) => (line.problems as Array<{ field: string }>).map((problem) => problem.field).filter((field, index, all) => all.indexOf(field) === index).sort();
    expect(fieldsOf(lines[2])).toEqual(['currency', 'dueDate', 'issueDate', 'originalAmount']);
    expect(lines[3].problems).toEqual([{ field: 'row', reason: 'the row has 4 cells, the header 11' }]);
    expect(fieldsOf(lines[5])).toEqual(['debtorCountry', 'debtorLegalName']);

    const account = await http.get(`/accounts/${lines[1].accountId}`).set('x-api-key', apiKey).expect(200);
    expect(account.body.debtor.legalName).toBe('Smith, Jones & "Partners"');

    // The finished batch is published once, from its BatchCompleted event (the batch.finished webhook's source).
    const finished = () => published.filter((m) => m.headers['message-type'] === PlacementBatchCompleted.type && m.key === clientId);
    await waitFor('PlacementBatchCompleted', () => finished().length > 0, { timeoutMs: 5_000 });
    const completion = (await store.readStream(`batch-${accepted.body.batchId}`)).find((event) => event.type === 'BatchCompleted')!;
    expect(finished()).toHaveLength(1);
    expect(finished()[0].headers['causation-id']).toBe(completion.metadata.eventId);
    expect(finished()[0].value).toEqual({
      batchId: accepted.body.batchId,
      clientId,
      format: 'csv',
      rows: 6,
      placed: 2,
      alreadyPlaced: 1,
      refused: 3,
      receivedAt: '2026-06-01T09:00:00.000Z',
      completedAt: status.completedAt,
    });
    expect((await store.readAll()).filter((event) => event.type === 'AccountPlaced' && (event.data as { clientId: string }).clientId === clientId)).toHaveLength(2);
  });

  it('answers the same batch for the same Idempotency-Key and never places a client reference twice', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Bulk Contoso');
    const file = [HEADER, row('I-1'), row('I-2')].join('\n');
    const first = await upload(apiKey, file, 'text/csv', 'batch-key-1').expect(202);
    const retry = await upload(apiKey, file, 'text/csv', 'batch-key-1').expect(202);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    await completed(apiKey, first.body.batchId);

    const again = await upload(apiKey, file, 'text/csv', 'batch-key-2').expect(202);
    expect(again.body.batchId).not.toBe(first.body.batchId);
    await completed(apiKey, again.body.batchId);
    const firstLines = await results(apiKey, first.body.batchId);
    const againLines = await results(apiKey, again.body.batchId);
    expect(againLines.map((line) => [line.outcome, line.accountId])).toEqual(firstLines.map((line) => ['already-placed', line.accountId]));
    expect((await store.readAll()).filter((event) => event.type === 'AccountPlaced' && (event.data as { clientId: string }).clientId === clientId)).toHaveLength(2);
  });

  it('reads NDJSON placements with several invoices and refuses a line that is not a JSON object', async () => {
    const { apiKey } = await onboardClientWithKey('Bulk Fabrikam');
    const placement = {
      clientReference: 'N-1',
      commercial: false,
      debtor: { kind: 'person', legalName: 'Jane Doe', country: 'CA' },
      invoices: [
        { number: 'A', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 1000, currency: 'CAD' },
        { number: 'B', issueDate: '2026-02-01', dueDate: '2026-02-28', originalAmount: 2000, currency: 'CAD' },
      ],
    };
    const file = `${JSON.stringify(placement)}\n[1,2]\n{"clientReference":\n`;
    const accepted = await upload(apiKey, file, 'application/x-ndjson').expect(202);
    await completed(apiKey, accepted.body.batchId);
    const lines = await results(apiKey, accepted.body.batchId);
    expect(lines).toEqual([
      { row: 1, outcome: 'placed', accountId: expect.any(String), clientReference: 'N-1' },
      { row: 2, outcome: 'refused', problems: [{ field: 'row', reason: 'each line must be one JSON object (a placement)' }] },
      { row: 3, outcome: 'refused', problems: [{ field: 'row', reason: 'the line is not valid JSON' }] },
    ]);
    const account = await http.get(`/accounts/${lines[0].accountId}`).set('x-api-key', apiKey).expect(200);
    expect(account.body.placedAmount).toBe(3000);
  });

  it('places the plain rows together and the others one by one, each with its own causation, and refuses a likely duplicate', async () => {
    const { clientId, apiKey } = await onboardClientWithKey('Bulk Adatum');
    const invoice = (number: string) => ({ number, issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 5000, currency: 'USD' });
    const placement = (clientReference: string, taxId?: string, number = `INV-${clientReference}`) => ({
      clientReference,
      commercial: true,
      debtor: { kind: 'company', legalName: `${clientReference} Ltd`, country: 'US', ...(taxId ? { taxId } : {}) },
      invoices: [invoice(number)],
    });
    await http.post('/placements').set('x-api-key', apiKey).send(placement('M-0')).expect(201);
    const rows = [placement('M-1'), placement('M-2', '12-3456789', 'INV-SHARED'), placement('M-3'), placement('M-4', '123456789', 'INV-SHARED'), placement('M-0')];
    const accepted = await upload(apiKey, rows.map((row) => JSON.stringify(row)).join('\n'), 'application/x-ndjson').expect(202);
    await completed(apiKey, accepted.body.batchId);

    const lines = await results(apiKey, accepted.body.batchId);
    expect(lines.map((line) => [line.row, line.outcome, line.clientReference])).toEqual([
      [1, 'placed', 'M-1'],
      [2, 'placed', 'M-2'],
      [3, 'placed', 'M-3'],
      [4, 'refused', undefined],
      [5, 'already-placed', 'M-0'],
    ]);
    expect(lines[3].problems).toEqual([{ field: 'row', reason: expect.stringContaining('INV-SHARED') }]);
    const placed = (await store.readAll()).filter((event) => event.type === 'AccountPlaced' && (event.data as { clientId: string }).clientId === clientId);
    expect(placed.map((event) => [(event.data as { clientReference: string }).clientReference, event.metadata.causationId, event.metadata.principal])).toEqual(
      expect.arrayContaining([
        ['M-1', `batch:${accepted.body.batchId}:row:1`, { role: 'client', id: clientId }],
        ['M-2', `batch:${accepted.body.batchId}:row:2`, { role: 'client', id: clientId }],
        ['M-3', `batch:${accepted.body.batchId}:row:3`, { role: 'client', id: clientId }],
      ]),
    );
    expect(placed).toHaveLength(4);
    const account = await http.get(`/accounts/${lines[2].accountId}`).set('x-api-key', apiKey).expect(200);
    expect(account.body).toMatchObject({ accountId: lines[2].accountId, clientReference: 'M-3', status: 'active', placedAmount: 5000 });
  });

  it('refuses a file it cannot read before storing anything: media type, charset, header', async () => {
    const { apiKey } = await onboardClientWithKey('Bulk Litware');
    const before = (await store.readAll()).length;
    expect((await upload(apiKey, 'a,b\n1,2\n', 'text/plain').expect(415)).body.rule).toBe('unsupported-media-type');
    expect((await upload(apiKey, `${HEADER}\n`, 'text/csv; charset=iso-8859-1').expect(415)).body.rule).toBe('unsupported-media-type');
    await upload(apiKey, '[]', 'application/json').expect(415);
    const header = await upload(apiKey, 'clientReference,colour,colour\nX,red,blue\n').expect(400);
    expect(header.body.problems).toEqual(
      expect.arrayContaining([
        { field: 'header', reason: expect.stringContaining('unknown column "colour"') },
        { field: 'header', reason: 'column "colour" appears twice' },
        { field: 'header', reason: 'column "currency" is missing' },
      ]),
    );
    await upload(apiKey, '').expect(400);
    expect((await store.readAll()).length).toBe(before);
  });

  it('refuses a file of more than 100,000 rows with 413, and the same again for a retry with its key', async () => {
    const { apiKey } = await onboardClientWithKey('Bulk Oversize');
    const file = '{}\n'.repeat(100_001);
    const refused = await upload(apiKey, file, 'application/x-ndjson', 'too-big').expect(413);
    expect(refused.body).toMatchObject({ status: 413, rule: 'batch-too-large' });
    const retried = await upload(apiKey, file, 'application/x-ndjson', 'too-big').expect(413);
    expect(retried.body.rule).toBe('batch-too-large');
    expect((await store.readAll()).filter((event) => event.type === 'BatchRefused')).toHaveLength(1);
  }, 120_000);

  it('shows a batch to its own client and to staff only', async () => {
    const owner = await onboardClientWithKey('Bulk Owner');
    const other = await onboardClientWithKey('Bulk Other');
    const accepted = await upload(owner.apiKey, [HEADER, row('O-1')].join('\n')).expect(202);
    await completed(owner.apiKey, accepted.body.batchId);
    const path = `/placements/batches/${accepted.body.batchId}`;
    expect((await http.get(path).set('x-api-key', other.apiKey).expect(404)).body.rule).toBe('batch-unknown');
    await http.get(`${path}/results`).set('x-api-key', other.apiKey).expect(404);
    await http.get(path).set('authorization', staff('collector')).expect(200);
    await http.get(`${path}/results`).set('authorization', staff('compliance')).expect(200);
    await http.get(path).expect(401);
    await http.post('/placements/batches').set('authorization', staff('admin')).set('content-type', 'text/csv').send(`${HEADER}\n`).expect(403);
    await http.get('/placements/batches/not-a-uuid').set('x-api-key', owner.apiKey).expect(400);
  });
});
