import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { ClientIntakeModule } from './client-intake.module';

/** One sample of a metric in Prometheus text, by name and labels; undefined when absent. */
function sample(metrics: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

describe('client intake metrics (PGlite event store, in-process bus)', () => {
  let http: HttpClient;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ http, close } = await startServiceUnderTest({
      name: 'client-intake',
      clockStart: '2026-06-01T09:00:00.000Z',
      module: (deps) => ClientIntakeModule.register(deps),
    }));
  });
  afterAll(() => close());

  const scrape = async () => (await http.get('/metrics').expect(200)).text;

  it('moves the placement route histogram and the commands counter, and shows relay lag, consumer lag and due work', async () => {
    const onboarded = await http.post('/clients').set('authorization', staff('admin')).send({ name: 'Metrics Creditor' }).expect(201);
    const { apiKey } = (await http.post(`/clients/${onboarded.body.clientId}/api-keys`).set('authorization', staff('admin')).expect(201)).body;
    const before = await scrape();

    await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'm-1').send(placement('M-1')).expect(201);
    await http.post('/placements').set('x-api-key', apiKey).set('idempotency-key', 'm-2').send(placement('M-1')).expect(409);
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string>) => (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(moved('http_request_duration_seconds_count', { method: 'POST', route: '/placements', status_code: '201' })).toBe(1);
    expect(moved('http_request_duration_seconds_count', { method: 'POST', route: '/placements', status_code: '409' })).toBe(1);
    expect(moved('commands_total', { source: 'http', command: 'POST /placements', outcome: 'accepted' })).toBe(1);
    expect(moved('commands_total', { source: 'http', command: 'POST /placements', outcome: 'refused' })).toBe(1);

    expect(after).toContain('# TYPE relay_lag_events gauge');
    expect(after).toContain('# TYPE scheduled_work_due gauge');
    expect(after).toContain('# TYPE dead_letters_total counter');
    expect(sample(after, 'consumer_lag_messages', { service: 'client-intake' })).toEqual(expect.any(Number));
    // The relay publishes the placement: its lag comes back to 0.
    let lag: number | undefined;
    for (let tries = 0; tries < 100 && lag !== 0; tries++) {
      lag = sample(await scrape(), 'relay_lag_events', { service: 'client-intake' });
      if (lag !== 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(lag).toBe(0);
  });

  it('serves /metrics and /health/ready to anyone: they carry no account data', async () => {
    await http.get('/metrics').expect(200);
    const ready = await http.get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ 'event-store:client-intake': { status: 'up' }, bus: { status: 'up' }, 'relay:client-intake': { status: 'up' } });
  });
});

function placement(clientReference: string) {
  return {
    clientReference,
    commercial: true,
    debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY' },
    invoices: [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 300_000, currency: 'USD' }],
  };
}
