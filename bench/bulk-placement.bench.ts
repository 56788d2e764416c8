/**
 * A file of placements through the all-in-one as an operator runs it (the built process,
 * a fresh data folder): the file is streamed to POST /placements/batches through the typed
 * creditor client, then the batch status is polled until every row is placed. Prints the
 * time to the 202 (the file stored), the time until every row is placed and acknowledged
 * (the batch's receivedAt to its completedAt: every row has its account id and the batch is
 * finished, see docs/client-intake.md, "Bulk placement"), when the polling client saw it,
 * and rows per second. The issue's goal: 10,000 rows in under 10 s.
 *
 *   npm run build
 *   node -r ./deploy/runtime/register-paths.js dist/bench/bulk-placement.bench.js
 *
 * Environment (optional): BENCH_ROWS rows in the file (default 10000, max 100000);
 * BENCH_TIME_LIMIT_S stops following the batch after this long (default 600) and prints
 * how far it got; BENCH_NODE_ARGS extra node options for the all-in-one, space separated
 * (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where a row's time goes);
 * BENCH_APP=client-intake runs client intake alone (its own PGlite, in-process bus) instead
 * of the all-in-one: the rows' own cost, without the other services working on each
 * placement in the same process and database. BENCH_MODE=distributed runs client intake as
 * the distributed mode deploys it: alone, on the shared PostgreSQL (DATABASE_URL, a schema of
 * its own, dropped at the end) and Kafka (KAFKA_BROKERS, topics under a prefix of its own);
 * the other services, which would work the accounts afterwards in their own processes, are
 * not started.
 * Only 127.0.0.1 on a free port; the data folder is removed at the end. Prints, never asserts.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BatchStatus, creditorClient } from '@lib/creditor-client';
import { DEV_STAFF_TOKEN_SECRET, signStaffToken } from '@lib/platform';
import { Pool } from 'pg';
import { freePort, intFromEnv, placementCsv, readInfraEnv } from './bench-support';

const ROOT = join(__dirname, '..', '..');
const DISTRIBUTED = process.env.BENCH_MODE === 'distributed';
const APP = process.env.BENCH_APP === 'client-intake' || DISTRIBUTED ? 'client-intake' : 'all-in-one';
const MAIN = join(ROOT, 'dist', 'apps', APP, 'src', 'main.js');
const ROWS = intFromEnv('BENCH_ROWS', 10_000, 100_000);
const TIME_LIMIT_MS = intFromEnv('BENCH_TIME_LIMIT_S', 600, 3_600) * 1_000;
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
// A single service refuses the public demo secret: it gets a random one of its own.
const STAFF_SECRET = APP === 'all-in-one' ? DEV_STAFF_TOKEN_SECRET : randomBytes(32).toString('base64url');
// A real secret's tokens must expire; an hour covers any run.
const ADMIN = `Bearer ${signStaffToken(STAFF_SECRET, { role: 'admin', id: 'admin-bench' }, new Date(Date.now() + 3_600_000))}`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulk-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
  // The all-in-one checks staff tokens against the demo secret when none is set; a single service needs it set.
  if (APP === 'all-in-one') delete env.STAFF_TOKEN_SECRET;
  else env.STAFF_TOKEN_SECRET = STAFF_SECRET;
  delete env.EVENT_STORE;
  delete env.MESSAGE_BUS;
  const schema = `bulk_bench_${randomBytes(4).toString('hex')}`;
  if (DISTRIBUTED) {
    const databaseUrl = process.env.DATABASE_URL ?? readInfraEnv('DATABASE_URL');
    const brokers = process.env.KAFKA_BROKERS ?? readInfraEnv('KAFKA_BROKERS');
    if (!databaseUrl || !brokers) throw new Error('BENCH_MODE=distributed needs DATABASE_URL and KAFKA_BROKERS (set -a; . /work/main/.infra/env; set +a)');
    Object.assign(env, { EVENT_STORE: 'postgres', DATABASE_URL: databaseUrl, EVENT_STORE_SCHEMA: schema, MESSAGE_BUS: 'kafka', KAFKA_BROKERS: brokers, TOPIC_PREFIX: `${schema}.` });
    delete env.PGLITE_DATA_DIR;
  }
  const child = spawn(process.execPath, [...NODE_ARGS, '-r', './deploy/runtime/register-paths.js', MAIN], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    await ready(url, child);
    const admin = { authorization: ADMIN, 'content-type': 'application/json' };
    const { clientId } = (await (await fetch(`${url}/clients`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'Bulk Bench Ltd' }) })).json()) as { clientId: string };
    const { apiKey } = (await (await fetch(`${url}/clients/${clientId}/api-keys`, { method: 'POST', headers: admin })).json()) as { apiKey: string };
    const client = creditorClient({ baseUrl: url, apiKey });

    console.log(`bulk placement bench: ${ROWS} rows, ${APP} on ${DISTRIBUTED ? 'PostgreSQL + Kafka (distributed)' : 'PGlite'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const begun = performance.now();
    const accepted = await client.placeBatch(placementCsv(ROWS), 'csv', `bench-${Date.now()}`);
    const storedMs = performance.now() - begun;
    console.log(`202 (file stored, ${accepted.received} rows): ${(storedMs / 1000).toFixed(2)} s = ${Math.round(accepted.received / (storedMs / 1000))} rows/s`);
    let status: BatchStatus | undefined;
    let lastPrinted = performance.now();
    let slowestReadMs = 0;
    while (performance.now() - begun < TIME_LIMIT_MS) {
      // A status read waits its turn on the one embedded database the placing keeps busy: bounded, and retried.
      const asked = performance.now();
      const read = await client.api.GET('/placements/batches/{batchId}', { params: { path: { batchId: accepted.batchId } }, signal: AbortSignal.timeout(60_000) }).catch(() => undefined);
      slowestReadMs = Math.max(slowestReadMs, performance.now() - asked);
      if (read?.data) status = read.data;
      if (status?.status === 'completed' || status?.status === 'refused') break;
      if (status && performance.now() - lastPrinted > 10_000) {
        console.log(`  ${((performance.now() - begun) / 1000).toFixed(0)} s: ${status.received - status.pending}/${status.received} rows done`);
        lastPrinted = performance.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const totalMs = performance.now() - begun;
    const done = status ? status.received - status.pending : 0;
    if (status?.status === 'completed' && status.completedAt) {
      // The batch's own record: from its first event (the upload began) to BatchCompleted (every row has its account id).
      const serverMs = Date.parse(status.completedAt) - Date.parse(status.receivedAt);
      console.log(`every row placed and acknowledged (receivedAt to completedAt, as the batch records them): ${(serverMs / 1000).toFixed(2)} s = ${Math.round(status.received / (serverMs / 1000))} rows/s (placed ${status.placed}, already placed ${status.alreadyPlaced}, refused ${status.refused})`);
      console.log(`seen completed by the polling client: ${(totalMs / 1000).toFixed(2)} s after the upload began (slowest status read ${(slowestReadMs / 1000).toFixed(2)} s)`);
    } else {
      console.log(`not finished after ${(totalMs / 1000).toFixed(0)} s: ${done}/${ROWS} rows done = ${Math.round(done / (totalMs / 1000))} rows/s`);
    }
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
    if (DISTRIBUTED) await dropSchema(env.DATABASE_URL!, schema);
  }
}

async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await pool.end();
  }
}

async function ready(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${APP} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${APP} not ready in 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
