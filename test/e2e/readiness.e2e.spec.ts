/**
 * /health/ready in the distributed mode: a service process on PostgreSQL and Kafka loses
 * its bus and gets it back. The shared test broker must not be stopped (other specs use
 * it at the same time), so this spec runs a Kafka node of its own (test/support/private-infra.ts),
 * kills it and starts it again on the same ports and data.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { RunningApp, startApp } from '../support/app-process';
import { PrivateKafka } from '../support/private-infra';

async function readiness(url: string): Promise<{ status: number; body: { status: string; error?: Record<string, { status: string; message?: string }> } }> {
  const response = await fetch(`${url}/health/ready`);
  return { status: response.status, body: (await response.json()) as never };
}

/** Polls until `accept` holds, for at most `timeoutMs`; returns what it saw last. */
async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) throw new Error(`${what} not seen within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('readiness when the bus goes away and comes back (distributed mode)', () => {
  const schema = `ready_${randomUUID().slice(0, 8)}`;
  let kafka: PrivateKafka;
  let app: RunningApp | undefined;

  beforeAll(async () => {
    kafka = await PrivateKafka.create();
    kafka.start();
    await kafka.ready();
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await kafka?.remove();
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }, 60_000);

  it('answers 503 naming the bus while Kafka is down, and 200 again once it is back, unattended', async () => {
    const env = {
      EVENT_STORE: 'postgres',
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      EVENT_STORE_SCHEMA: schema,
      MESSAGE_BUS: 'kafka',
      KAFKA_BROKERS: kafka.brokers,
      CLOCK: 'test',
      STAFF_TOKEN_SECRET: randomBytes(32).toString('base64url'),
    };
    // Starting the app waits for its topics, so for the broker: a cold JVM on a busy machine is slow.
    app = await startApp('client-intake', env, 120_000);
    const url = app.url;
    const up = await until('ready with the bus up', 60_000, () => readiness(url), (r) => r.status === 200);
    expect(up.body.status).toBe('ok');

    await kafka.kill();
    const down = await until('not ready once the bus is gone', 30_000, () => readiness(url), (r) => r.status === 503);
    expect(down.body.status).toBe('error');
    expect(down.body.error?.bus).toMatchObject({ status: 'down', message: expect.any(String) });
    // Only the bus is reported down: the event store and the relay (nothing waits) are fine.
    expect(Object.keys(down.body.error ?? {})).toEqual(['bus']);

    kafka.start();
    const back = await until('ready again once the bus is back', 90_000, () => readiness(url), (r) => r.status === 200);
    expect(back.body.status).toBe('ok');
  }, 300_000);
});
