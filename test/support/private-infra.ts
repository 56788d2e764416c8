/**
 * Servers of a test's own, for tests that stop, kill or restart them. The shared Kafka,
 * FerretDB and PostgreSQL of `npm run infra:up` serve other spec files running at the same
 * time, so they are never touched; these run from the same cached binaries (see
 * deploy/infra/up.sh) in a temporary directory, on free ports, and `remove()` deletes all.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './app-process';

const root = join(__dirname, '..', '..');
const infraCache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'collections-infra');

/** A server process that can be killed as in a crash and started again on the same port and data. */
abstract class PrivateServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  protected output = '';

  protected abstract command(): { file: string; args: string[] };
  /** Resolves once the server answers; throws after `timeoutMs`. */
  abstract ready(timeoutMs?: number): Promise<void>;

  start(): void {
    if (this.child) throw new Error('already running');
    const { file, args } = this.command();
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-20_000)));
    child.stderr?.on('data', (chunk) => (this.output = (this.output + chunk).slice(-20_000)));
    this.child = child;
    this.exited = new Promise((resolve) => child.on('exit', () => resolve()));
  }

  /** Gone as in a crash: no goodbye to its clients, nothing flushed by the server itself. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
    this.child = undefined;
  }

  get log(): string {
    return this.output;
  }
}

/** Runs one of deploy/infra's readiness probes (the ones up.sh polls) once. */
function probe(script: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'deploy/infra', script), target], { cwd: root, stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited ${code}`))));
  });
}

async function poll(what: string, timeoutMs: number, probe: () => Promise<void>, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      await probe();
      return;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs} ms: ${String(last)}\n${log().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** One KRaft node (broker and controller), from the jars `npm run infra:up` cached. */
export class PrivateKafka extends PrivateServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'private-kafka-'));
  private readonly home = join(infraCache, `kafka-${process.env.INFRA_KAFKA_VERSION ?? '4.1.1'}`);

  private constructor(
    readonly port: number,
    controllerPort: number,
    readonly clusterId: string,
  ) {
    super();
    if (!existsSync(join(this.home, 'libs', '.complete'))) {
      throw new Error(`Kafka's jars are not in ${this.home}/libs: run \`npm run infra:up\` once (npm test does)`);
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
        'num.partitions=3',
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
        // The log cleaner takes its whole dedupe buffer (128 MiB by default) from the heap at start; in a 256 MiB heap that failed once with OutOfMemoryError.
        'log.cleaner.dedupe.buffer.size=16777216',
      ].join('\n'),
    );
    // One random cluster id in 64 starts with '-', which the tool's parser takes for an option unless joined by '='.
    execFileSync('java', [...this.jvm(), 'kafka.tools.StorageTool', 'format', '--config', config, `--cluster-id=${this.clusterId}`], { stdio: 'pipe' });
  }

  /** Formats the node's storage; `clusterId` is 16 bytes in URL-safe base64, random unless given. */
  static async create(clusterId = randomBytes(16).toString('base64url')): Promise<PrivateKafka> {
    return new PrivateKafka(await freePort(), await freePort(), clusterId);
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  protected command() {
    return { file: 'java', args: [...this.jvm(), '-Xms128m', '-Xmx256m', 'kafka.Kafka', join(this.dir, 'server.properties')] };
  }

  async ready(timeoutMs = 90_000): Promise<void> {
    await poll('private Kafka', timeoutMs, () => probe('wait-kafka.js', this.brokers), () => this.log);
  }

  async remove(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private jvm(): string[] {
    return [`-Dlog4j2.configurationFile=${join(root, 'deploy/infra/kafka/log4j2.properties')}`, '-cp', `${join(this.home, 'libs')}/*`];
  }
}

/** FerretDB on its SQLite backend, from the binary `npm run infra:up` built. */
export class PrivateFerretDb extends PrivateServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'private-ferretdb-'));
  private readonly bin = join(infraCache, `ferretdb-${process.env.INFRA_FERRETDB_VERSION ?? 'v1.24.0'}`, 'ferretdb');

  private constructor(readonly port: number) {
    super();
    if (!existsSync(this.bin)) throw new Error(`FerretDB is not at ${this.bin}: run \`npm run infra:up\` once (npm test does)`);
  }

  static async create(): Promise<PrivateFerretDb> {
    return new PrivateFerretDb(await freePort());
  }

  /** A MongoDB URL naming `database` on this server. */
  url(database: string): string {
    return `mongodb://127.0.0.1:${this.port}/${database}`;
  }

  protected command() {
    return {
      file: this.bin,
      args: [
        '--handler=sqlite',
        `--sqlite-url=file:${join(this.dir, 'data')}/`,
        `--state-dir=${join(this.dir, 'state')}`,
        `--listen-addr=127.0.0.1:${this.port}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=error',
      ],
    };
  }

  override start(): void {
    for (const sub of ['data', 'state']) execFileSync('mkdir', ['-p', join(this.dir, sub)]);
    super.start();
  }

  async ready(timeoutMs = 30_000): Promise<void> {
    await poll('private FerretDB', timeoutMs, () => probe('wait-mongo.js', this.url('ready')), () => this.log);
  }

  async remove(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A PostgreSQL cluster of its own, from Debian's binaries. PostgreSQL refuses to run as
 * root, so when the tests run as root its tools run as the `postgres` OS user (as
 * deploy/infra/lib.sh `as_pg` does) and the directory is handed to that user.
 */
export class PrivatePostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'private-postgres-'));
  private readonly bin = findPostgresBin();

  private constructor(readonly port: number) {
    chmodSync(this.dir, 0o700);
    if (asRoot()) execFileSync('chown', ['-R', 'postgres:', this.dir]);
    this.run('initdb', ['-D', this.data, '-U', 'collections', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
  }

  static async create(): Promise<PrivatePostgres> {
    return new PrivatePostgres(await freePort());
  }

  /** A connection string to the cluster's `postgres` database. */
  get url(): string {
    return `postgres://collections@127.0.0.1:${this.port}/postgres`;
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  start(): void {
    const options = [`-c port=${this.port}`, '-c listen_addresses=127.0.0.1', "-c unix_socket_directories=''", '-c fsync=off', '-c max_connections=100'].join(' ');
    this.run('pg_ctl', ['-D', this.data, '-l', join(this.dir, 'postgres.log'), '-W', '-s', '-o', options, 'start']);
  }

  /** `pg_ctl stop -m immediate`: every backend ends at once and the next start runs crash recovery. */
  async kill(): Promise<void> {
    this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', '-W', '-s', 'stop']);
    // -W returns before the postmaster is gone; wait for its pid file to go.
    const deadline = Date.now() + 15_000;
    while (existsSync(join(this.data, 'postmaster.pid')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  async ready(timeoutMs = 30_000): Promise<void> {
    await poll('private PostgreSQL', timeoutMs, async () => {
      const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 2_000 });
      try {
        await client.connect();
        await client.query('select 1');
      } finally {
        await client.end().catch(() => undefined);
      }
    }, () => this.log);
  }

  get log(): string {
    try {
      return execFileSync('tail', ['-n', '40', join(this.dir, 'postgres.log')]).toString();
    } catch {
      return '';
    }
  }

  async remove(): Promise<void> {
    if (existsSync(join(this.data, 'postmaster.pid'))) await this.kill().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(tool: string, args: string[]): void {
    const path = join(this.bin, tool);
    if (asRoot()) execFileSync('runuser', ['-u', 'postgres', '--', path, ...args], { stdio: 'pipe', cwd: '/' });
    else execFileSync(path, args, { stdio: 'pipe' });
  }
}

const asRoot = () => process.getuid?.() === 0;

function findPostgresBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = join(base, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  throw new Error(`PostgreSQL's initdb and pg_ctl are not under ${base}/*/bin: install Debian's postgresql package (npm run infra:up does)`);
}
