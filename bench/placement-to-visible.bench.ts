/**
 * Placement → visible in reporting (issue 8): how long after `POST /placements` is
 * acknowledged the account's summary answers from reporting (`GET /reports/accounts/:id`
 * answers 200), under a steady open-loop rate of placements, in both ways the system runs:
 *
 *  - distributed: the five built services, each its own process, on the shared Kafka,
 *    PostgreSQL and MongoDB-wire server, with the run's own schemas (`<run>_<service>`),
 *    topic prefix (`<run>.`), read-model database (`<run>`) and ports, like the distributed
 *    journeys and the fault tests; all of it is removed at the end;
 *  - all-in-one: the built all-in-one on a fresh temporary data folder.
 *
 * Placements are sent at BENCH_RATE per second whatever the answers take (open loop: a slow
 * answer does not slow the sender); each acknowledged account is then polled at reporting
 * until it is visible. The latency recorded is acknowledgement → the first 200 answer (an
 * upper bound: it was not visible at the previous poll). Polls come in rounds every
 * BENCH_POLL_MS; a round polls at most BENCH_POLL_WINDOW accounts not yet visible (the
 * oldest, and others in turn), so the poll load stays bounded when a backlog builds (an
 * account that becomes visible while outside the window is recorded when its turn comes). The figures printed: placement
 * answers (rate achieved, p50/p99), acknowledged → visible p50/p95/p99/max, how many were
 * not visible when the load ended and how long the backlog took to drain, the services'
 * /metrics (relay lag, consumer lag, inbound messages handled) during and after the load,
 * and each process's resident memory and CPU time. It never asserts.
 *
 * Run from the repository root (`npm run build` first):
 *   set -a; . /work/main/.infra/env; set +a     # or .infra/env of `npm run infra:up`
 *   node -r ./deploy/runtime/register-paths.js dist/bench/placement-to-visible.bench.js
 *
 * Environment (all optional):
 *   BENCH_MODES             distributed,all-in-one (default both, in that order)
 *   BENCH_RATE              placements per second (default 100, max 2000)
 *   BENCH_SECONDS           seconds of load in the distributed mode (default 300)
 *   BENCH_ALL_IN_ONE_SECONDS seconds of load in the all-in-one (default 60)
 *   BENCH_DRAIN_S           after the load, how long to wait for the backlog (default 180)
 *   BENCH_POLL_MS           time between poll rounds (default 100)
 *   BENCH_POLL_WINDOW       accounts polled per round (default 32): the oldest half of
 *                           them, and the rest taken in turn from the other pending ones
 *   BENCH_MAX_IN_FLIGHT     placements unanswered at once; a placement due beyond it is not
 *                           sent and is counted (default 256, 2.5 s of the default rate)
 *   BENCH_SAMPLE_S          seconds between progress lines with the /metrics figures (default 15)
 * KAFKA_BROKERS, DATABASE_URL and MONGO_URL (distributed mode) come from the environment or
 * .infra/env; only 127.0.0.1 is accepted.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import { mongo } from 'mongoose';
import { Client as PgClient } from 'pg';
import { signStaffToken, StaffRole } from '@lib/platform';
import { freePort, intFromEnv, percentile, readInfraEnv, reportFigure } from './bench-support';

const ROOT = join(__dirname, '..', '..');
const SERVICES = ['client-intake', 'debtor-contact', 'payments', 'legal-referral', 'reporting'] as const;
type Service = (typeof SERVICES)[number];
type Mode = 'distributed' | 'all-in-one';

const RATE = intFromEnv('BENCH_RATE', 100, 2_000);
const DISTRIBUTED_SECONDS = intFromEnv('BENCH_SECONDS', 300, 3_600);
const ALL_IN_ONE_SECONDS = intFromEnv('BENCH_ALL_IN_ONE_SECONDS', 60, 3_600);
const DRAIN_MS = intFromEnv('BENCH_DRAIN_S', 180, 3_600) * 1_000;
const POLL_MS = intFromEnv('BENCH_POLL_MS', 100, 10_000);
const POLL_WINDOW = intFromEnv('BENCH_POLL_WINDOW', 32, 10_000);
const SAMPLE_MS = intFromEnv('BENCH_SAMPLE_S', 15, 3_600) * 1_000;
const POLL_CONCURRENCY = 8;
const START_TIMEOUT_MS = 120_000;
/** Placements still unanswered beyond this are not sent (counted as not sent): the sender never queues without bound. */
const MAX_IN_FLIGHT = intFromEnv('BENCH_MAX_IN_FLIGHT', 256, 10_000);
const MODES = parseModes(process.env.BENCH_MODES ?? 'distributed,all-in-one');

/** One staff token secret for every process of a run, as a real deployment shares one. */
const STAFF_TOKEN_SECRET = randomBytes(32).toString('base64url');
const staff = (role: StaffRole) => `Bearer ${signStaffToken(STAFF_TOKEN_SECRET, { role, id: `${role}-bench` }, new Date(Date.now() + 6 * 3_600_000))}`;

interface Proc {
  name: string;
  child: ChildProcess;
  output: string[];
  cpuAtStart: number;
}

/** A running deployment: where each service answers, its processes, and how to remove it. */
interface Deployment {
  mode: Mode;
  url(service: Service): string;
  /** Distinct URLs to scrape /metrics from (one per process). */
  metricsUrls: Array<{ name: string; url: string }>;
  procs: Proc[];
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  console.log(
    `placement → visible bench: modes ${MODES.join(', ')}, ${RATE} placements/s, ` +
      `distributed ${DISTRIBUTED_SECONDS} s, all-in-one ${ALL_IN_ONE_SECONDS} s, drain up to ${DRAIN_MS / 1000} s, ` +
      `poll every ${POLL_MS} ms (window ${POLL_WINDOW}); ${loadAverage()}`,
  );
  for (const mode of MODES) {
    const deployment = mode === 'distributed' ? await startDistributed() : await startAllInOne();
    // Interrupted (Ctrl-C), the run still removes its processes, schemas, database and topics.
    const interrupted = () => void deployment.stop().finally(() => process.exit(130));
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    try {
      await runLoad(deployment, mode === 'distributed' ? DISTRIBUTED_SECONDS : ALL_IN_ONE_SECONDS);
    } catch (error) {
      for (const proc of deployment.procs) console.error(`--- ${proc.name} (last output)\n${proc.output.join('').slice(-3_000)}`);
      throw error;
    } finally {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      await deployment.stop();
    }
  }
}

// ---------------------------------------------------------------- deployments

/**
 * The distributed layout of test/e2e/journeys/deployment.ts (`distributedLayout`), with a
 * system clock: that file is not part of the build, and its process helper resolves dist/
 * from the sources' folder.
 */
async function startDistributed(): Promise<Deployment> {
  const servers = { kafkaBrokers: local('KAFKA_BROKERS'), databaseUrl: local('DATABASE_URL'), mongoUrl: local('MONGO_URL') };
  const run = `pv${randomUUID().slice(0, 8)}`;
  const ports = {} as Record<Service, number>;
  for (const service of SERVICES) ports[service] = await freePort();
  const urlOf = (service: Service) => `http://127.0.0.1:${ports[service]}`;
  const schemaOf = (service: Service) => `${run}_${service.replace(/-/g, '_')}`;
  const mongoUrl = new URL(servers.mongoUrl);
  mongoUrl.pathname = `/${run}`;
  const common = {
    EVENT_STORE: 'postgres',
    DATABASE_URL: servers.databaseUrl,
    MESSAGE_BUS: 'kafka',
    KAFKA_BROKERS: servers.kafkaBrokers,
    TOPIC_PREFIX: `${run}.`,
    READ_MODELS: 'mongo',
    MONGO_URL: mongoUrl.toString(),
    CLOCK: 'system',
    STAFF_TOKEN_SECRET,
    // Reporting signs history exports and refuses to start without the agency's key.
    AGENCY_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    CLIENT_INTAKE_URL: urlOf('client-intake'),
    DEBTOR_CONTACT_URL: urlOf('debtor-contact'),
    PAYMENTS_URL: urlOf('payments'),
    LEGAL_REFERRAL_URL: urlOf('legal-referral'),
  };
  console.log(`\n== distributed: run ${run} (schemas ${run}_*, topics ${run}.*, read models in database ${run})`);
  const procs: Proc[] = [];
  const remove = async () => {
    await Promise.all(procs.map(stopProc));
    await cleanUpDistributed(run, servers, SERVICES.map(schemaOf)).catch((error) => console.error(`cleaning up run ${run}: ${String(error)}`));
  };
  try {
    const begun = performance.now();
    await Promise.all(
      SERVICES.map(async (service) => {
        const proc = spawnMain(service, join(ROOT, 'dist', 'apps', service, 'src', 'main.js'), {
          ...common,
          EVENT_STORE_SCHEMA: schemaOf(service),
          PORT: String(ports[service]),
          HOST: '127.0.0.1',
        });
        procs.push(proc);
        await waitReady(proc, urlOf(service));
      }),
    );
    console.log(`five services ready in ${seconds(performance.now() - begun)}`);
  } catch (error) {
    for (const proc of procs) console.error(`--- ${proc.name}\n${proc.output.join('').slice(-3_000)}`);
    await remove();
    throw error;
  }
  for (const proc of procs) proc.cpuAtStart = cpuSeconds(proc);
  return {
    mode: 'distributed',
    url: urlOf,
    metricsUrls: SERVICES.map((service) => ({ name: service, url: urlOf(service) })),
    procs,
    stop: remove,
  };
}

/** The built all-in-one as bench/all-in-one.bench.ts starts it: a fresh data folder, PGlite, the in-process bus, in-memory read models. */
async function startAllInOne(): Promise<Deployment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'placement-to-visible-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = { PGLITE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', STAFF_TOKEN_SECRET };
  console.log(`\n== all-in-one: data in ${dataDir}`);
  const begun = performance.now();
  // Without the distributed variables of .infra/env, the all-in-one chooses its embedded adapters.
  const proc = spawnMain('all-in-one', join(ROOT, 'dist', 'apps', 'all-in-one', 'src', 'main.js'), env, [
    'EVENT_STORE',
    'MESSAGE_BUS',
    'READ_MODELS',
    'DATABASE_URL',
    'KAFKA_BROKERS',
    'MONGO_URL',
    'TOPIC_PREFIX',
  ]);
  const remove = async () => {
    await stopProc(proc);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitReady(proc, url);
  } catch (error) {
    console.error(proc.output.join('').slice(-3_000));
    await remove();
    throw error;
  }
  console.log(`all-in-one ready in ${seconds(performance.now() - begun)}`);
  proc.cpuAtStart = cpuSeconds(proc);
  return { mode: 'all-in-one', url: () => url, metricsUrls: [{ name: 'all-in-one', url }], procs: [proc], stop: remove };
}

function spawnMain(name: string, main: string, env: Record<string, string>, unset: string[] = []): Proc {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const variable of unset) delete merged[variable];
  const child = spawn(process.execPath, ['-r', join(ROOT, 'deploy/runtime/register-paths.js'), main], { cwd: ROOT, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 100) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, child, output, cpuAtStart: 0 };
}

async function waitReady(proc: Proc, url: string): Promise<void> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited with ${proc.child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${proc.name} not ready within ${START_TIMEOUT_MS} ms`);
    await sleep(100);
  }
}

async function stopProc(proc: Proc): Promise<void> {
  const { child } = proc;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Drops what the run left on the shared servers: its schemas, its read-model database, its topics and consumer groups. */
async function cleanUpDistributed(run: string, servers: { kafkaBrokers: string; databaseUrl: string; mongoUrl: string }, schemas: string[]): Promise<void> {
  const pg = new PgClient({ connectionString: servers.databaseUrl, connectionTimeoutMillis: 5_000 });
  await pg.connect();
  try {
    for (const schema of schemas) await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await pg.end();
  }
  const mongoClient = new mongo.MongoClient(servers.mongoUrl, { serverSelectionTimeoutMS: 5_000 });
  try {
    await mongoClient.connect();
    await mongoClient.db(run).dropDatabase();
  } finally {
    await mongoClient.close();
  }
  const admin = new Kafka({ clientId: `${run}-cleanup`, brokers: servers.kafkaBrokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith(`${run}.`));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${run}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    console.log(`removed schemas ${schemas.length}, database ${run}, ${topics.length} topics, ${groups.length} consumer groups`);
  } finally {
    await admin.disconnect();
  }
}

// ---------------------------------------------------------------- the load

interface Pending {
  accountId: string;
  ackedAt: number;
}

async function runLoad(d: Deployment, loadSeconds: number): Promise<void> {
  const { clientId, apiKey } = await onboardClient(d);
  const placeLatencies: number[] = [];
  const visibleLatencies: number[] = [];
  const pending: Pending[] = [];
  const failures = new Map<string, number>();
  let inFlight = 0;
  let skipped = 0;
  let sent = 0;
  let polls = 0;
  let notFound = 0;
  let pollErrors = 0;
  let lastVisibleAt = 0;
  let loadDone = false;
  const fail = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);

  const place = async (n: number): Promise<void> => {
    const reference = `PV-${n}`;
    inFlight++;
    const started = performance.now();
    try {
      const answer = await request(d.url('client-intake'), 'POST', '/placements', placementBody(reference), { 'x-api-key': apiKey, 'idempotency-key': `pv-${reference}` }, 30_000);
      if (answer.status === 201) {
        const now = performance.now();
        placeLatencies.push(now - started);
        pending.push({ accountId: (answer.body as { accountId: string }).accountId, ackedAt: now });
      } else fail(`placement ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message})` : '';
      fail(`placement: ${error instanceof Error ? error.message : String(error)}${cause}`);
    } finally {
      inFlight--;
    }
  };

  const poll = async (item: Pending): Promise<boolean> => {
    polls++;
    try {
      const answer = await request(d.url('reporting'), 'GET', `/reports/accounts/${item.accountId}`, undefined, { authorization: staff('accountant') }, 10_000);
      if (answer.status === 200) {
        const now = performance.now();
        visibleLatencies.push(now - item.ackedAt);
        lastVisibleAt = now;
        return true;
      }
      if (answer.status === 404) notFound++;
      else pollErrors++;
    } catch {
      pollErrors++;
    }
    return false;
  };

  let rotation = 0;
  const poller = async (): Promise<void> => {
    for (;;) {
      const round = performance.now();
      // The oldest half of the window, then the next slice of the rest in turn, so an account
      // that becomes visible out of order is seen within (pending / window) rounds.
      const oldest = Math.ceil(POLL_WINDOW / 2);
      const rest = pending.length - oldest;
      if (rotation >= rest) rotation = 0;
      const window = rest <= 0 ? pending.slice(0, POLL_WINDOW) : [...pending.slice(0, oldest), ...pending.slice(oldest + rotation, oldest + rotation + POLL_WINDOW - oldest)];
      rotation += POLL_WINDOW - oldest;
      if (window.length === 0 && loadDone) return;
      if (loadDone && round - loadEnd > DRAIN_MS) return;
      const seen = new Set<Pending>();
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(POLL_CONCURRENCY, window.length) }, async () => {
          while (next < window.length) {
            const item = window[next++];
            if (await poll(item)) seen.add(item);
          }
        }),
      );
      if (seen.size > 0) {
        const still = pending.filter((item) => !seen.has(item));
        pending.length = 0;
        pending.push(...still);
      }
      await sleep(Math.max(0, POLL_MS - (performance.now() - round)));
    }
  };

  const cpuBefore = d.procs.map(cpuSeconds);
  console.log(`load: ${RATE}/s for ${loadSeconds} s; ${loadAverage()}`);
  const begun = performance.now();
  let loadEnd = Number.POSITIVE_INFINITY;
  const polling = poller();
  let sampleAt = begun + SAMPLE_MS;
  const placing: Array<Promise<void>> = [];
  const total = RATE * loadSeconds;
  // Open loop: placement n leaves at begun + n / RATE, whatever the earlier ones' answers.
  while (sent + skipped < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - begun) / 1000) * RATE) + 1);
    while (sent + skipped < due) {
      if (inFlight >= MAX_IN_FLIGHT) skipped++;
      else placing.push(place(sent++));
    }
    if (now >= sampleAt) {
      sampleAt += SAMPLE_MS;
      // Not awaited: a slow scrape must not hold the sender back.
      void progress(d, clientId, now - begun, { acked: placeLatencies.length, visible: visibleLatencies.length, pending: pending.length, inFlight });
    }
    await sleep(5);
  }
  const sendingEnded = performance.now();
  await Promise.all(placing);
  loadEnd = performance.now();
  const sendSeconds = (loadEnd - begun) / 1000;
  const sendWindowSeconds = (sendingEnded - begun) / 1000;
  const behindAtEnd = pending.length;
  loadDone = true;
  console.log(`last placement answered after ${seconds(loadEnd - begun)}: ${behindAtEnd} acknowledged accounts not yet visible`);
  const sampler = (async () => {
    let at = loadEnd + SAMPLE_MS;
    while (pending.length > 0 && performance.now() - loadEnd < DRAIN_MS) {
      await sleep(250);
      if (performance.now() >= at) {
        at += SAMPLE_MS;
        await progress(d, clientId, performance.now() - begun, { acked: placeLatencies.length, visible: visibleLatencies.length, pending: pending.length, inFlight });
      }
    }
  })();
  await polling;
  await sampler;
  const drainMs = pending.length === 0 ? Math.max(0, lastVisibleAt - loadEnd) : Number.NaN;

  placeLatencies.sort((a, b) => a - b);
  visibleLatencies.sort((a, b) => a - b);
  const acked = placeLatencies.length;
  console.log(`\n-- ${d.mode} results (${RATE}/s asked for ${loadSeconds} s; ${loadAverage()})`);
  console.log(
    `placements: ${sent} sent in ${sendWindowSeconds.toFixed(1)} s, ${acked} acknowledged by ${sendSeconds.toFixed(1)} s = ${(acked / sendSeconds).toFixed(1)}/s achieved; ` +
      `answer p50 ${ms(percentile(placeLatencies, 50))}, p99 ${ms(percentile(placeLatencies, 99))}, max ${ms(placeLatencies[acked - 1] ?? NaN)}` +
      (skipped > 0 ? `; ${skipped} not sent (${MAX_IN_FLIGHT} unanswered already)` : ''),
  );
  for (const [what, count] of failures) console.log(`  failed ${count}×: ${what}`);
  console.log(
    `acknowledged → visible in reporting (${visibleLatencies.length} of ${acked}): p50 ${ms(percentile(visibleLatencies, 50))}, ` +
      `p95 ${ms(percentile(visibleLatencies, 95))}, p99 ${ms(percentile(visibleLatencies, 99))}, max ${ms(visibleLatencies[visibleLatencies.length - 1] ?? NaN)}`,
  );
  const countedAtEnd = await portfolioCount(d, clientId);
  console.log(
    `reporting's portfolio counts ${countedAtEnd ?? '(no answer)'} accounts of the client; ${acked} were acknowledged, ${sent} sent ` +
      `(a placement that timed out at the bench may still have been taken); the polls saw ${visibleLatencies.length} (an account visible out of order is seen when its turn comes)`,
  );
  console.log(
    `not visible when the load ended: ${behindAtEnd}; backlog drained ${Number.isNaN(drainMs) ? `NOT within ${DRAIN_MS / 1000} s (${pending.length} still not visible)` : `${seconds(drainMs)} after the load ended`}`,
  );
  reportFigure(`visible-${d.mode}-p99-ms`, percentile(visibleLatencies, 99));
  reportFigure(`visible-${d.mode}-behind`, pending.length);
  reportFigure(`visible-${d.mode}-seconds`, loadSeconds);
  reportFigure(`visible-${d.mode}-achieved-per-s`, acked / sendSeconds);
  console.log(`polls: ${polls} (${notFound} not yet, ${pollErrors} errors) = ${(polls / ((performance.now() - begun) / 1000)).toFixed(0)} GET/s on reporting`);
  await progress(d, clientId, performance.now() - begun, { acked, visible: visibleLatencies.length, pending: pending.length, inFlight }, true);
  d.procs.forEach((proc, i) => {
    console.log(`  ${proc.name.padEnd(15)} RSS ${mb(rssBytes(proc))}, CPU during the load and drain ${(cpuSeconds(proc) - cpuBefore[i]).toFixed(1)} s`);
  });
}

/** One progress line: counts so far, and the lag figures every process reports on /metrics. */
async function progress(
  d: Deployment,
  clientId: string,
  elapsedMs: number,
  counts: { acked: number; visible: number; pending: number; inFlight: number },
  full = false,
): Promise<void> {
  const [scraped, counted] = await Promise.all([
    Promise.all(d.metricsUrls.map(async ({ name, url }) => ({ name, text: await metricsOf(url) }))),
    portfolioCount(d, clientId),
  ]);
  const figures = (metric: string) =>
    scraped
      .flatMap(({ text }) => samples(text, metric))
      .map((s) => `${s.labels.service ?? '?'}=${s.value}`)
      .join(' ');
  console.log(
    `[${seconds(elapsedMs)}] acked ${counts.acked}, seen visible ${counts.visible} (portfolio counts ${counted ?? '?'}), pending ${counts.pending}, placements unanswered ${counts.inFlight}; ` +
      `relay lag {${figures('relay_lag_events')}} consumer lag {${figures('consumer_lag_messages')}}`,
  );
  if (!full) return;
  console.log(`relay seconds since progress: {${figures('relay_seconds_since_progress')}}`);
  for (const { name, text } of scraped) {
    const handled = new Map<string, number>();
    for (const s of samples(text, 'commands_total').filter((s) => s.labels.source === 'message')) {
      const key = `${s.labels.service}:${s.labels.outcome}`;
      handled.set(key, (handled.get(key) ?? 0) + s.value);
    }
    const dead = samples(text, 'dead_letters_total').reduce((sum, s) => sum + s.value, 0);
    const rss = samples(text, 'process_resident_memory_bytes')[0]?.value;
    console.log(
      `  ${name.padEnd(15)} inbound messages handled {${[...handled].map(([key, count]) => `${key}=${count}`).join(' ')}}, dead letters ${dead}` +
        (rss === undefined ? '' : `, RSS (own /metrics) ${mb(rss)}`),
    );
  }
}

async function metricsOf(url: string): Promise<string> {
  try {
    const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) });
    return response.ok ? await response.text() : '';
  } catch {
    return '';
  }
}

function samples(text: string, metric: string): Array<{ labels: Record<string, string>; value: number }> {
  const found: Array<{ labels: Record<string, string>; value: number }> = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(metric) || (line[metric.length] !== '{' && line[metric.length] !== ' ')) continue;
    const match = /^[^{\s]+(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)) labels[pair[1]] = pair[2];
    found.push({ labels, value: Number(match[2]) });
  }
  return found;
}

async function onboardClient(d: Deployment): Promise<{ clientId: string; apiKey: string }> {
  const admin = { authorization: staff('admin') };
  const onboarded = await request(d.url('client-intake'), 'POST', '/clients', { name: 'Bench Client' }, admin);
  if (onboarded.status !== 201) throw new Error(`onboarding answered ${onboarded.status}: ${JSON.stringify(onboarded.body)}`);
  const { clientId } = onboarded.body as { clientId: string };
  const key = await request(d.url('client-intake'), 'POST', `/clients/${clientId}/api-keys`, undefined, admin);
  if (key.status !== 201) throw new Error(`issuing an API key answered ${key.status}: ${JSON.stringify(key.body)}`);
  return { clientId, apiKey: (key.body as { apiKey: string }).apiKey };
}

/** How many of the client's accounts reporting's portfolio counts: one request, whatever the backlog; undefined when it does not answer. */
async function portfolioCount(d: Deployment, clientId: string): Promise<number | undefined> {
  try {
    const answer = await request(d.url('reporting'), 'GET', `/reports/portfolio/${clientId}`, undefined, { authorization: staff('accountant') }, 5_000);
    return answer.status === 200 ? (answer.body as { placedCount: number }).placedCount : answer.status === 404 ? 0 : undefined;
  } catch {
    return undefined;
  }
}

function placementBody(clientReference: string) {
  return {
    clientReference,
    commercial: true,
    debtor: { kind: 'company', legalName: `Debtor ${clientReference} LLC`, country: 'US', region: 'NY', email: 'ap@debtor.example' },
    invoices: [
      { number: 'INV-1001', issueDate: '2025-10-16', dueDate: '2025-11-15', originalAmount: 300_000, currency: 'USD' },
      { number: 'INV-1002', issueDate: '2025-11-15', dueDate: '2025-12-15', originalAmount: 450_050, currency: 'USD' },
    ],
  };
}

async function request(base: string, method: string, path: string, body: unknown, headers: Record<string, string>, timeoutMs = 30_000): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text for the message
  }
  return { status: response.status, body: parsed };
}

// ---------------------------------------------------------------- small helpers

function parseModes(raw: string): Mode[] {
  const modes = raw.split(',').map((m) => m.trim()).filter(Boolean);
  for (const mode of modes) if (mode !== 'distributed' && mode !== 'all-in-one') throw new RangeError(`BENCH_MODES: unknown mode "${mode}" (distributed, all-in-one)`);
  if (modes.length === 0) throw new RangeError('BENCH_MODES names no mode');
  return modes as Mode[];
}

/** A server address from the environment or .infra/env, refused unless it is on this machine. */
function local(name: string): string {
  const value = process.env[name] ?? readInfraEnv(name);
  if (!value) throw new Error(`${name} is not set: run \`npm run infra:up\` or set it`);
  const hosts = name === 'KAFKA_BROKERS' ? value.split(',').map((b) => b.trim().split(':')[0]) : [new URL(value).hostname];
  if (hosts.some((host) => host !== '127.0.0.1')) throw new Error(`${name} must point at 127.0.0.1; got ${value}`);
  return value;
}

function rssBytes(proc: Proc): number {
  try {
    return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${proc.child.pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;
  } catch {
    return Number.NaN;
  }
}

/** User plus system CPU time of the process so far, from /proc (clock ticks of 1/100 s on Linux). */
function cpuSeconds(proc: Proc): number {
  try {
    const stat = readFileSync(`/proc/${proc.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function loadAverage(): string {
  try {
    return `load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`;
  } catch {
    return 'load average unknown';
  }
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const ms = (milliseconds: number) => (Number.isNaN(milliseconds) ? 'n/a' : `${milliseconds.toFixed(milliseconds < 10 ? 1 : 0)} ms`);
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;
const mb = (bytes: number) => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);

main().catch((error) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exitCode = 1;
});
