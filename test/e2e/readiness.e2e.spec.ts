/**
 * /health/ready in the distributed mode: a service process on PostgreSQL and Kafka loses
 * its bus and gets it back. The shared test broker must not be stopped (other specs use
 * it at the same time), so this spec runs a Kafka node of its own, from the jars
 * `npm run infra:up` cached (see deploy/infra/up.sh), kills it and starts it again on
 * the same ports and data.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, RunningApp, startApp } from '../support/app-process';

const root = join(__dirname, '..', '..');
const kafkaHome = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'collections-infra', `kafka-${process.env.INFRA_KAFKA_VERSION ?? '4.1.1'}`);

/** One KRaft node (broker and controller) in a directory of its own; start and kill it at will. */
class PrivateKafka {
  private process: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), 'readiness-kafka-'));

  constructor(
    readonly port: number,
    private readonly controllerPort: number,
  ) {
    if (!existsSync(join(kafkaHome, 'libs', '.complete'))) {
      throw new Error(`Kafka's jars are not in ${kafkaHome}/libs: run \`npm run infra:up\` once (npm test does)`);
    }
    const config = join(this.dir, 'server.properties');
    writeFileSync(
      config,
      [
        'process.roles=broker,controller',
        'node.id=1',
        `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
        `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
        `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
        'controller.listener.names=CONTROLLER',
        'inter.broker.listener.name=PLAINTEXT',
        'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
        `log.dirs=${join(this.dir, 'data')}`,
        'num.network.threads=1',
        'num.io.threads=2',
        'num.partitions=1',
        'default.replication.factor=1',
        'min.insync.replicas=1',
        'offsets.topic.replication.factor=1',
        'offsets.topic.num.partitions=1',
        'transaction.state.log.replication.factor=1',
        'transaction.state.log.min.isr=1',
        'transaction.state.log.num.partitions=1',
        'share.coordinator.state.topic.replication.factor=1',
        'share.coordinator.state.topic.min.isr=1',
        'group.initial.rebalance.delay.ms=0',
      ].join('\n'),
    );
    const clusterId = randomBytes(16).toString('base64url');
    execFileSync('java', [...this.jvm(), 'kafka.tools.StorageTool', 'format', '--config', config, '--cluster-id', clusterId], { stdio: 'pipe' });
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  start(): void {
    const child = spawn('java', [...this.jvm(), '-Xms128m', '-Xmx256m', 'kafka.Kafka', join(this.dir, 'server.properties')], { stdio: 'ignore' });
    this.process = child;
    this.exited = new Promise((resolve) => child.on('exit', () => resolve()));
  }

  /** The bus goes away as in a crash: no goodbye to its clients. */
  async kill(): Promise<void> {
    this.process?.kill('SIGKILL');
    await this.exited;
    this.process = undefined;
  }

  async remove(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private jvm(): string[] {
    return [`-Dlog4j2.configurationFile=${join(root, 'deploy/infra/kafka/log4j2.properties')}`, '-cp', `${join(kafkaHome, 'libs')}/*`];
  }
}

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
    kafka = new PrivateKafka(await freePort(), await freePort());
    kafka.start();
  }, 60_000);

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
