/**
 * The all-in-one as an operator runs it: the built process started on a fresh data
 * folder, timed to `/health/ready`, its resident memory read from /proc, then accounts
 * placed through `POST /placements` by concurrent API clients, then a restart on the same
 * data timed again.
 *
 * Run from the repository root (needs no server: the all-in-one embeds its own):
 *   npm run build
 *   node -r ./deploy/runtime/register-paths.js dist/bench/all-in-one.bench.js
 *
 * Environment (all optional):
 *   BENCH_ACCOUNTS        accounts placed per phase (default 2000, max 200000)
 *   BENCH_CALLERS         the placement phases, one after the other: a comma list of
 *                         concurrent callers (default "8,1"; 1 is one caller sending its
 *                         next placement when the last one answered, issue 9's row)
 *   BENCH_WARMUP          placements sent (8 callers) before the phases and not counted,
 *                         so the first phase does not carry the JIT's and caches' warm-up
 *                         (default 200; 0 for none)
 *   BENCH_CONCURRENCY     older name of a single phase's callers (BENCH_CALLERS wins)
 *   BENCH_RESTART         0: stop after the placements, without the memory readings and
 *                         the restart (default 1)
 *   BENCH_NODE_ARGS       extra node options for the all-in-one, space separated (e.g.
 *                         "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it)
 *   BENCH_SETTLE_MS       wait after the placements before the memory is read, so the
 *                         consumers catch up (default 5000, max 120000)
 *   BENCH_TIME_LIMIT_S    placing stops after this many seconds (default 600, max 3600)
 *   BENCH_MEMORY_SAMPLE_S print the memory every this many seconds while placing, with the
 *                         accounts placed so far (default 0: only before and after)
 *
 * Bulk mode, to reach 100,000 accounts in well under an hour (issue 8's memory goal):
 *   BENCH_BULK_FILE_ROWS  place BENCH_ACCOUNTS accounts (all of them, once) as CSV files of
 *                         this many rows through POST /placements/batches (issue 9's bulk
 *                         placement, max 100000 rows a file) instead of one call each;
 *                         BENCH_CALLERS and BENCH_WARMUP are then not used. After each file
 *                         the bench waits for the batch to complete and for the services to
 *                         catch up (every relay_lag_events and consumer_lag_messages of
 *                         /metrics at 0 twice in a row), then prints the memory after a
 *                         forced collection with the time and the all-in-one's CPU per
 *                         account of that file. BENCH_TIME_LIMIT_S (max 14400 here) stops
 *                         sending files; a file under way is finished.
 *   BENCH_SAMPLE_EVERY    in bulk mode, print the memory every this many accounts (default:
 *                         every file; a multiple of the file's rows)
 *   BENCH_HEAP_SNAPSHOTS  in bulk mode, a comma list of account counts: at the first sample
 *                         at or past each, after a forced collection, the all-in-one writes
 *                         a heap snapshot (the bench adds --heapsnapshot-signal=SIGUSR1)
 *                         into BENCH_HEAP_DIR (default /tmp/aio-heap), kept after the run.
 *                         Writing one leaves glibc holding some hundreds of MB it does not
 *                         give back by itself, so the bench then calls malloc_trim(0) in the
 *                         process through gdb when gdb is installed (and says so), and
 *                         prints the memory again.
 *   BENCH_MALLOC_TRIM     1: call malloc_trim(0) through gdb before every bulk-mode sample,
 *                         so RSS reads what is held rather than what glibc kept (default 0;
 *                         the sample then prints RSS before and after)
 *
 * Only 127.0.0.1, on a free port; the data folder is a temporary directory removed at the
 * end. The process is started with `--expose-gc` and collects on SIGUSR2, sent before each
 * memory reading, so heap figures are what is held, not garbage. STAFF_TOKEN_SECRET is left unset, so the process checks staff tokens against the
 * public demo secret, and the bench signs its admin token with it.
 *
 * Each placement phase also prints the all-in-one's CPU time per placement (user + system
 * from /proc): on a machine shared with other work it moves far less than placements/s.
 * After the warm-up and after each phase the bench waits until the services caught up
 * (commands come before their downstream work in one process, docs/decisions.md) and
 * prints how long that took and the CPU per placement with the downstream work.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BatchStatus, creditorClient } from '@lib/creditor-client';
import { DEV_STAFF_TOKEN_SECRET, signStaffToken } from '@lib/platform';
import { freePort, keepOutput, placementCsv, reportFigure } from './bench-support';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'all-in-one', 'src', 'main.js');
const READY_TIMEOUT_MS = 120_000;

const ACCOUNTS = boundedInt('BENCH_ACCOUNTS', 2_000, 1, 200_000);
const CALLER_PHASES = callerPhases();
const WARMUP = boundedInt('BENCH_WARMUP', 200, 0, 10_000);
const RESTART = process.env.BENCH_RESTART !== '0';
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
const SETTLE_MS = boundedInt('BENCH_SETTLE_MS', 5_000, 0, 120_000);
const BULK_FILE_ROWS = boundedInt('BENCH_BULK_FILE_ROWS', 0, 0, 100_000);
const TIME_LIMIT_MS = boundedInt('BENCH_TIME_LIMIT_S', 600, 1, BULK_FILE_ROWS > 0 ? 14_400 : 3_600) * 1_000;
const SAMPLE_EVERY = boundedInt('BENCH_SAMPLE_EVERY', BULK_FILE_ROWS, 0, 200_000);
const HEAP_SNAPSHOTS = (process.env.BENCH_HEAP_SNAPSHOTS ?? '').split(',').filter((part) => part.trim() !== '').map(Number).sort((a, b) => a - b);
if (HEAP_SNAPSHOTS.some((at) => !Number.isInteger(at) || at < 0)) throw new RangeError(`BENCH_HEAP_SNAPSHOTS must be a comma list of account counts, got ${process.env.BENCH_HEAP_SNAPSHOTS}`);
const HEAP_DIR = process.env.BENCH_HEAP_DIR || '/tmp/aio-heap';
const MALLOC_TRIM = process.env.BENCH_MALLOC_TRIM === '1';
/**
 * The V8 options `npm start` gives the all-in-one (its heap bounds, docs/benchmarks.md), read
 * from package.json so the bench measures the process as it is started; BENCH_NODE_ARGS
 * come after them and win.
 */
const START_NODE_OPTIONS = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.match(/--max-[a-z-]+=\d+/g) ?? [];
const MEMORY_SAMPLE_MS = boundedInt('BENCH_MEMORY_SAMPLE_S', 0, 0, 3_600) * 1_000;
/** Placements answered 201 so far in this run, over every phase (for the memory samples). */
let placedSoFar = 0;

const ADMIN = `Bearer ${signStaffToken(DEV_STAFF_TOKEN_SECRET, { role: 'admin', id: 'admin-bench' })}`;

interface Running {
  child: ChildProcess;
  url: string;
  readyMs: number;
  output: string[];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'all-in-one-bench-'));
  console.log(`all-in-one bench: ${ACCOUNTS} accounts per phase, callers ${CALLER_PHASES.join(' then ')}, data in ${dataDir}`);
  let running: Running | undefined;
  try {
    running = await start(dataDir);
    console.log(`start to /health/ready, empty data: ${ms(running.readyMs)} (all-in-one pid ${running.child.pid})`);
    await sleep(2_000);
    const idle = await memoryOf(running);
    console.log(`idle, empty data: ${describeMemory(idle)}`);
    reportFigure('aio-ready-empty-s', running.readyMs / 1_000);
    reportFigure('aio-idle-rss-mb', idle.rss / MB);

    const apiKey = await onboardClient(running.url);
    let placed = 0;
    let midway: { placed: number; memory: Memory } | undefined;
    if (BULK_FILE_ROWS > 0) {
      const bulk = await placeByFiles(running, apiKey, idle);
      placed = bulk.placed;
      midway = bulk.midway;
    }
    if (BULK_FILE_ROWS === 0 && WARMUP > 0) {
      const warming = await placeAccounts(running.url, apiKey, 8, 'W', WARMUP);
      placed += warming.placed;
      // Its downstream work is not the measured phase's either.
      await caughtUp(running);
      console.log(`warm-up: ${warming.placed} placements with 8 callers in ${ms(warming.elapsedMs)}, not counted (and the services caught up)`);
    }
    const stopSampling = sampleMemoryWhilePlacing(running);
    for (const [phase, callers] of BULK_FILE_ROWS > 0 ? [] : CALLER_PHASES.entries()) {
      const cpuBefore = cpuMsOf(running);
      // The first phase stops halfway for a memory reading: the slope over its second half
      // is what each further account costs once the bounded caches have filled.
      const halfway = phase === 0 && RESTART ? Math.floor(ACCOUNTS / 2) : 0;
      const firstHalf = halfway > 0 ? await placeAccounts(running.url, apiKey, callers, `P${phase}`, halfway) : undefined;
      if (firstHalf) {
        midway = { placed: placedSoFar, memory: await memoryOf(running) };
        console.log(`halfway, ${placedSoFar} accounts: ${describeMemory(midway.memory)}`);
      }
      const rest = await placeAccounts(running.url, apiKey, callers, `P${phase}`, ACCOUNTS - halfway, halfway);
      const placing = firstHalf ? joined(firstHalf, rest) : rest;
      const cpuMs = cpuMsOf(running) - cpuBefore;
      placed += placing.placed;
      console.log(
        `placements, ${callers === 1 ? '1 caller, sequential' : `${callers} concurrent callers`}: ` +
          `${placing.placed} in ${ms(placing.elapsedMs)} = ${Math.round((placing.placed / placing.elapsedMs) * 1_000)}/s, ` +
          `p50 ${ms(percentile(placing.latencies, 0.5))}, p99 ${ms(percentile(placing.latencies, 0.99))}, ` +
          `all-in-one CPU ${ms(cpuMs / Math.max(1, placing.placed))} per placement` +
          (placing.failed > 0 ? `, ${placing.failed} failed (first: ${placing.firstFailure})` : ''),
      );
      // Commands come before the cascade they set off (docs/decisions.md, "Commands before
      // background in one process"): how long the services then take to finish it, and the
      // CPU of the whole, tell what the placements cost beyond their answers.
      const answeredAt = performance.now();
      await caughtUp(running);
      const catchUpMs = performance.now() - answeredAt;
      const wholeCpuMs = cpuMsOf(running) - cpuBefore;
      console.log(
        `  services caught up ${ms(catchUpMs)} after the last answer (within about 1 s); all-in-one CPU with the downstream work ` +
          `${ms(wholeCpuMs / Math.max(1, placing.placed))} per placement, ${Math.round((placing.placed / (placing.elapsedMs + catchUpMs)) * 1_000)} placements/s all done`,
      );
      // Issue 8's row is 8 concurrent callers; issue 9's is one caller in sequence.
      const figure = callers === 1 ? 'aio-sequential' : callers === 8 ? 'aio-placement' : undefined;
      if (figure) {
        reportFigure(`${figure}-per-s`, (placing.placed / placing.elapsedMs) * 1_000);
        reportFigure(`${figure}-p50-ms`, percentile(placing.latencies, 0.5));
        reportFigure(`${figure}-p99-ms`, percentile(placing.latencies, 0.99));
        reportFigure(`${figure}-catch-up-s`, catchUpMs / 1_000);
      }
    }
    stopSampling();
    if (connectionRetries > 0) console.log(`placements sent again after a connection reset (idempotent replays): ${connectionRetries}`);
    if (!RESTART) return;
    await sleep(SETTLE_MS);
    const after = await memoryOf(running);
    console.log(`after ${placed} accounts (+${SETTLE_MS} ms settle): ${describeMemory(after)}`);
    if (placed > 0) {
      console.log(
        `per placed account: RSS ${kb((after.rss - idle.rss) / placed)}, heap ${kb((after.heap - idle.heap) / placed)}`,
      );
      reportFigure('aio-accounts', placed);
      reportFigure('aio-loaded-rss-mb', after.rss / MB);
      // Extrapolated from the second half when there was one (the caches were full by then),
      // else from idle: a straight line from idle overstates memory that levels off.
      const from = midway && midway.placed < placedSoFar ? midway : { placed: placedSoFar - placed, memory: idle };
      const slope = (after.rss - from.memory.rss) / (placedSoFar - from.placed);
      console.log(`RSS per further account from ${from.placed} accounts on: ${kb(slope)}`);
      reportFigure('aio-rss-per-further-account-kb', slope / 1024);
      reportFigure('aio-rss-per-100k-accounts-mb', (after.rss + slope * Math.max(0, 100_000 - placedSoFar)) / MB);
      reportFigure('aio-heap-per-account-kb', (after.heap - idle.heap) / placed / 1024);
    }

    await stop(running);
    running = await start(dataDir);
    console.log(`start to /health/ready, with the ${placed} accounts: ${ms(running.readyMs)}`);
    reportFigure('aio-ready-with-data-s', running.readyMs / 1_000);
    await sleep(2_000);
    const restarted = await memoryOf(running);
    console.log(`idle after the restart: ${describeMemory(restarted)}`);
  } catch (error) {
    if (running) console.error(running.output.join('').slice(-4_000));
    throw error;
  } finally {
    if (running) await stop(running);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function start(dataDir: string): Promise<Running> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
  delete env.STAFF_TOKEN_SECRET;
  const begun = performance.now();
  // The process as `npm start` runs it, plus a full collection on SIGUSR2, so the heap read after it is what is held.
  const entry = `process.on('SIGUSR2', () => globalThis.gc()); require(${JSON.stringify(MAIN)});`;
  const snapshots = HEAP_SNAPSHOTS.length > 0 ? ['--heapsnapshot-signal=SIGUSR1', `--diagnostic-dir=${HEAP_DIR}`] : [];
  if (snapshots.length > 0) mkdirSync(HEAP_DIR, { recursive: true });
  const args = ['--expose-gc', ...START_NODE_OPTIONS, ...snapshots, ...NODE_ARGS, '-r', './deploy/runtime/register-paths.js', '-e', entry];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = keepOutput(child);
  const running: Running = { child, url: `http://127.0.0.1:${port}`, readyMs: 0, output };
  const deadline = begun + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`all-in-one exited with ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${running.url}/health/ready`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      await stop(running);
      throw new Error(`all-in-one not ready within ${READY_TIMEOUT_MS} ms`);
    }
    await sleep(25);
  }
  running.readyMs = performance.now() - begun;
  return running;
}

async function stop(running: Running): Promise<void> {
  const { child } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function onboardClient(url: string): Promise<string> {
  const onboarded = await post(url, '/clients', { name: 'Bench Client' }, { authorization: ADMIN });
  if (onboarded.status !== 201) throw new Error(`onboarding answered ${onboarded.status}: ${JSON.stringify(onboarded.body)}`);
  const { clientId } = onboarded.body as { clientId: string };
  const key = await post(url, `/clients/${clientId}/api-keys`, undefined, { authorization: ADMIN });
  if (key.status !== 201) throw new Error(`API key answered ${key.status}: ${JSON.stringify(key.body)}`);
  return (key.body as { apiKey: string }).apiKey;
}

async function placeAccounts(url: string, apiKey: string, callers: number, phase: string, accounts = ACCOUNTS, firstNumber = 0) {
  const latencies: number[] = [];
  let next = firstNumber;
  accounts += firstNumber;
  let failed = 0;
  let firstFailure = '';
  const begun = performance.now();
  const caller = async (): Promise<void> => {
    for (;;) {
      const n = next;
      next += 1;
      if (n >= accounts || performance.now() - begun > TIME_LIMIT_MS) return;
      const reference = `BENCH-${phase}-${n}`;
      const sent = performance.now();
      const answer = await post(url, '/placements', placementBody(reference), { 'x-api-key': apiKey, 'idempotency-key': `place-${reference}` });
      if (answer.status === 201) {
        latencies.push(performance.now() - sent);
        placedSoFar += 1;
      } else {
        failed += 1;
        firstFailure ||= `${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  return { placed: latencies.length, failed, firstFailure, latencies, elapsedMs: performance.now() - begun };
}

/**
 * Bulk mode: BENCH_ACCOUNTS accounts as CSV files of BENCH_BULK_FILE_ROWS rows, each file
 * followed until its batch completed and the services caught up, with the memory every
 * BENCH_SAMPLE_EVERY accounts (after a forced collection) and heap snapshots where asked.
 */
async function placeByFiles(running: Running, apiKey: string, idle: Memory): Promise<{ placed: number; midway?: { placed: number; memory: Memory } }> {
  const client = creditorClient({ baseUrl: running.url, apiKey });
  const begun = performance.now();
  const snapshotsDue = [...HEAP_SNAPSHOTS];
  let midway: { placed: number; memory: Memory } | undefined;
  let sinceSample = 0;
  let refused = 0;
  const samples: Array<{ placed: number; memory: Memory }> = [{ placed: 0, memory: idle }];
  console.log(`bulk placement: ${ACCOUNTS} accounts in files of ${BULK_FILE_ROWS} rows, memory every ${SAMPLE_EVERY} accounts${HEAP_SNAPSHOTS.length > 0 ? `, heap snapshots at ${HEAP_SNAPSHOTS.join(', ')} into ${HEAP_DIR}` : ''}`);
  for (let first = 0; first < ACCOUNTS; first += BULK_FILE_ROWS) {
    if (performance.now() - begun > TIME_LIMIT_MS) {
      console.log(`time limit reached after ${placedSoFar} accounts`);
      break;
    }
    const rows = Math.min(BULK_FILE_ROWS, ACCOUNTS - first);
    const cpuBefore = cpuMsOf(running);
    const sent = performance.now();
    const accepted = await client.placeBatch(placementCsv(rows, first), 'csv', `bench-file-${first}`);
    const status = await batchCompleted(client, accepted.batchId);
    const completedMs = performance.now() - sent;
    await caughtUp(running);
    const caughtUpMs = performance.now() - sent;
    const cpuMs = cpuMsOf(running) - cpuBefore;
    placedSoFar += status.placed;
    refused += status.refused;
    console.log(
      `  file of ${rows} rows (${placedSoFar} placed): batch completed ${secs(completedMs)}, services caught up ${secs(caughtUpMs)} = ${Math.round(rows / (caughtUpMs / 1_000))} accounts/s, ` +
        `all-in-one CPU ${ms(cpuMs / rows)} per account, load average ${loadavg()[0].toFixed(1)}` +
        (status.placed + status.alreadyPlaced < rows ? `, ${status.refused} refused, ${status.alreadyPlaced} already placed` : ''),
    );
    sinceSample += rows;
    const last = first + BULK_FILE_ROWS >= ACCOUNTS;
    if (sinceSample < SAMPLE_EVERY && !last) continue;
    sinceSample = 0;
    let memory = await memoryOf(running);
    if (MALLOC_TRIM) {
      const before = memory;
      const trimmed = await mallocTrim(running);
      memory = await memoryOf(running, false);
      console.log(`  ${placedSoFar} accounts: ${describeMemory(memory)}${trimmed ? ` (RSS ${mb(before.rss)} before malloc_trim)` : ' (malloc_trim failed)'}`);
    } else {
      console.log(`  ${placedSoFar} accounts: ${describeMemory(memory)}`);
    }
    samples.push({ placed: placedSoFar, memory });
    if (!midway && placedSoFar >= ACCOUNTS / 2) midway = { placed: placedSoFar, memory };
    if (snapshotsDue.length > 0 && placedSoFar >= snapshotsDue[0]) {
      while (snapshotsDue.length > 0 && placedSoFar >= snapshotsDue[0]) snapshotsDue.shift();
      await heapSnapshot(running);
    }
  }
  if (refused > 0) console.log(`rows refused: ${refused}`);
  printSlopes(samples);
  return { placed: placedSoFar, midway };
}

/** Polls the batch until it completed; a status read waits behind the placing on the one embedded database, so it is bounded and retried. */
async function batchCompleted(client: ReturnType<typeof creditorClient>, batchId: string): Promise<BatchStatus> {
  for (;;) {
    const read = await client.api.GET('/placements/batches/{batchId}', { params: { path: { batchId } }, signal: AbortSignal.timeout(60_000) }).catch(() => undefined);
    const status = read?.data;
    if (status?.status === 'completed') return status;
    if (status?.status === 'refused') throw new Error(`batch ${batchId} refused: ${JSON.stringify(status.refusal)}`);
    await sleep(500);
  }
}

/**
 * Waits until every service has relayed what it stored and consumed what it subscribes to:
 * the sum of `relay_lag_events` and `consumer_lag_messages` in /metrics is 0 on two reads a
 * second apart (the downstream work of the placements is done, not only the placements).
 */
async function caughtUp(running: Running): Promise<void> {
  let zeros = 0;
  let lastPrinted = performance.now();
  for (;;) {
    if (running.child.exitCode !== null || running.child.signalCode !== null) throw new Error(`all-in-one exited (${running.child.exitCode ?? running.child.signalCode}) while the services caught up`);
    // A read may fail while the process is paused (a heap snapshot being written): read again.
    const metrics = await fetch(`${running.url}/metrics`, { signal: AbortSignal.timeout(120_000) })
      .then((response) => response.text())
      .catch(() => '');
    if (metrics === '') {
      await sleep(1_000);
      continue;
    }
    let lag = 0;
    for (const match of metrics.matchAll(/^(relay_lag_events|consumer_lag_messages)\{[^}]*\} (\d+)/gm)) lag += Number(match[2]);
    zeros = lag === 0 ? zeros + 1 : 0;
    if (zeros >= 2) return;
    if (performance.now() - lastPrinted > 60_000) {
      console.log(`    waiting for the services: ${lag} events or messages behind`);
      lastPrinted = performance.now();
    }
    await sleep(1_000);
  }
}

/** SIGUSR1 (the process runs with --heapsnapshot-signal) after a forced collection; then malloc_trim, as writing the snapshot leaves glibc holding memory. */
async function heapSnapshot(running: Running): Promise<void> {
  const count = () => (existsSync(HEAP_DIR) ? readdirSync(HEAP_DIR).filter((name) => name.endsWith('.heapsnapshot')).length : 0);
  const before = count();
  running.child.kill('SIGUSR2');
  await sleep(1_000);
  const asked = performance.now();
  running.child.kill('SIGUSR1');
  // V8 writes the snapshot on the main thread: once the process answers again, the file is whole.
  while (count() === before) await sleep(500);
  await fetch(`${running.url}/health/live`).catch(() => undefined);
  const files = readdirSync(HEAP_DIR).filter((name) => name.endsWith('.heapsnapshot')).sort();
  console.log(`  heap snapshot at ${placedSoFar} accounts (${secs(performance.now() - asked)}): ${join(HEAP_DIR, files[files.length - 1])}`);
  const inflated = await memoryOf(running, false);
  const trimmed = await mallocTrim(running);
  const after = await memoryOf(running, false);
  console.log(`  after the snapshot: RSS ${mb(inflated.rss)}${trimmed ? `, after malloc_trim(0): ${describeMemory(after)}` : ' (malloc_trim through gdb failed: later RSS includes what the snapshot left)'}`);
}

/** Calls glibc's malloc_trim(0) in the all-in-one through gdb (paused for the call); false when gdb is missing or may not attach. */
function mallocTrim(running: Running): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('gdb', ['-p', String(running.child.pid), '-batch', '-ex', 'call (int) malloc_trim(0)'], { timeout: 60_000 }, (error, stdout) => resolve(!error && /\$1 = /.test(stdout)));
  });
}

/** Least-squares slopes of the samples past the first fifth (the bounded caches fill first), per 10,000 accounts. */
function printSlopes(samples: Array<{ placed: number; memory: Memory }>): void {
  const tail = samples.filter((sample) => sample.placed >= (samples[samples.length - 1]?.placed ?? 0) / 5 && sample.placed > 0);
  if (tail.length < 3) return;
  const slope = (of: (memory: Memory) => number): number => {
    const meanX = tail.reduce((sum, sample) => sum + sample.placed, 0) / tail.length;
    const meanY = tail.reduce((sum, sample) => sum + of(sample.memory), 0) / tail.length;
    const covariance = tail.reduce((sum, sample) => sum + (sample.placed - meanX) * (of(sample.memory) - meanY), 0);
    const variance = tail.reduce((sum, sample) => sum + (sample.placed - meanX) ** 2, 0);
    return (covariance / variance) * 10_000;
  };
  console.log(
    `slopes per 10,000 accounts from ${tail[0].placed} accounts on (least squares over ${tail.length} samples): RSS ${mb(slope((m) => m.rss))}, heap used ${mb(slope((m) => m.heap))}, ` +
      `external ${mb(slope((m) => m.external))}, embedded PostgreSQL ${mb(slope((m) => m.embeddedDatabase))}, malloc resident ${mb(slope((m) => m.mallocResident))}`,
  );
  reportFigure('aio-bulk-heap-per-account-bytes', slope((m) => m.heap) / 10_000);
}

/** Two runs of placements as one: their counts, latencies and time added. */
function joined(first: Awaited<ReturnType<typeof placeAccounts>>, second: Awaited<ReturnType<typeof placeAccounts>>) {
  return {
    placed: first.placed + second.placed,
    failed: first.failed + second.failed,
    firstFailure: first.firstFailure || second.firstFailure,
    latencies: [...first.latencies, ...second.latencies],
    elapsedMs: first.elapsedMs + second.elapsedMs,
  };
}

function placementBody(clientReference: string) {
  return {
    clientReference,
    commercial: true,
    debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY', email: 'ap@acme.example' },
    invoices: [
      { number: 'INV-1001', issueDate: '2025-10-16', dueDate: '2025-11-15', originalAmount: 300_000, currency: 'USD' },
      { number: 'INV-1002', issueDate: '2025-11-15', dueDate: '2025-12-15', originalAmount: 450_050, currency: 'USD' },
    ],
  };
}

/** Requests sent again after the connection failed under them (see `post`), printed at the end. */
let connectionRetries = 0;

/**
 * On a loaded machine a run now and then ended on a request failing with "fetch failed"
 * (a reset connection; likeliest, the server closing an idle keep-alive connection just as
 * the client reuses it), every few hundred placements at load 20-25. Every POST
 * with an Idempotency-Key (every placement) is sent again then, twice at most: a replay, never a second placement.
 */
async function post(url: string, path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await postOnce(url, path, body, headers);
    } catch (error) {
      if (attempt >= 2 || !(error instanceof TypeError) || headers['idempotency-key'] === undefined) throw error;
      connectionRetries += 1;
      await sleep(20);
    }
  }
}

async function postOnce(url: string, path: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
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

/** After a full collection: resident memory from /proc (what the issue measured) and the V8 heap from the process's own /metrics. */
async function memoryOf(running: Running, collectFirst = true): Promise<Memory> {
  if (collectFirst) {
    running.child.kill('SIGUSR2');
    await sleep(1_000);
  }
  const status = readFileSync(`/proc/${running.child.pid}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  const metrics = await (await fetch(`${running.url}/metrics`)).text();
  const gauge = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+(?:\\.\\d+)?)`, 'm').exec(metrics)?.[1] ?? NaN);
  return {
    rss: rssKb * 1024,
    heap: gauge('nodejs_heap_size_used_bytes'),
    external: gauge('nodejs_external_memory_bytes'),
    embeddedDatabase: gauge('embedded_database_memory_bytes'),
    mallocResident: mallocResidentOf(running.child.pid),
  };
}

/**
 * Resident bytes of glibc's malloc: the `[heap]` mapping and the thread arenas (anonymous
 * mappings of at most 64 MiB starting on a 64 MiB boundary, where glibc places them). It
 * holds freed memory it has not given back, so it is what moves idle RSS between runs of the
 * same build (docs/benchmarks.md, the all-in-one's memory as accounts grow). NaN off Linux.
 */
function mallocResidentOf(pid: number | undefined): number {
  let smaps: string;
  try {
    smaps = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  } catch {
    return NaN;
  }
  const ARENA = 64n * 1024n * 1024n;
  let bytes = 0;
  let inMalloc = false;
  for (const line of smaps.split('\n')) {
    const mapping = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const [start, end] = [BigInt(`0x${mapping[1]}`), BigInt(`0x${mapping[2]}`)];
      inMalloc = mapping[3] === '[heap]' || (mapping[3] === '' && start % ARENA === 0n && end - start <= ARENA);
    } else if (inMalloc && line.startsWith('Rss:')) {
      bytes += Number(/(\d+)/.exec(line)?.[1] ?? 0) * 1024;
    }
  }
  return bytes;
}

interface Memory {
  rss: number;
  heap: number;
  /** Memory V8 is told about outside its heap (buffers). */
  external: number;
  /** PGlite's WebAssembly memory. */
  embeddedDatabase: number;
  /** Resident in glibc's malloc (heap and arenas), in use or kept after being freed. */
  mallocResident: number;
}

function describeMemory(memory: Memory): string {
  return `RSS ${mb(memory.rss)}, heap used ${mb(memory.heap)}, external ${mb(memory.external)}, embedded PostgreSQL ${mb(memory.embeddedDatabase)}, malloc resident ${mb(memory.mallocResident)}`;
}

/**
 * While placing, prints the memory (without a forced collection) every `BENCH_MEMORY_SAMPLE_S`
 * seconds with the accounts placed so far, so a long run shows whether memory levels off.
 */
function sampleMemoryWhilePlacing(running: Running): () => void {
  if (MEMORY_SAMPLE_MS === 0) return () => undefined;
  const timer = setInterval(() => {
    memoryOf(running, false)
      .then((memory) => console.log(`  ${placedSoFar} placed: ${describeMemory(memory)}`))
      .catch(() => undefined);
  }, MEMORY_SAMPLE_MS);
  return () => clearInterval(timer);
}

/**
 * CPU time the all-in-one has used (user + system, from /proc), in ms. Per placement it
 * is the figure that holds still on a shared machine: throughput is this process's share
 * of the cores divided by it, and the share is whatever the other load leaves.
 */
function cpuMsOf(running: Running): number {
  const fields = readFileSync(`/proc/${running.child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command name: state is field 3, utime 14 and stime 15 (proc(5)), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function callerPhases(): number[] {
  const raw = process.env.BENCH_CALLERS ?? process.env.BENCH_CONCURRENCY ?? '8,1';
  const phases = raw.split(',').map((part) => Number(part.trim()));
  if (phases.length === 0 || phases.some((callers) => !Number.isInteger(callers) || callers < 1 || callers > 64)) {
    throw new RangeError(`BENCH_CALLERS must be a comma list of integers in 1..64, got ${raw}`);
  }
  return phases;
}

function boundedInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer in ${min}..${max}, got ${raw}`);
  return value;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const ms = (milliseconds: number) => `${milliseconds.toFixed(milliseconds < 10 ? 1 : 0)} ms`;
const secs = (milliseconds: number) => `${(milliseconds / 1_000).toFixed(1)} s`;
const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

main().catch((error) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error));
  process.exitCode = 1;
});
