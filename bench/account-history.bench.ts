/**
 * An account with 1,000 events: p50/p95/p99 of reporting's cross-service history
 * (`GET /audit/accounts/:id/history`) and integrity check (`GET /audit/accounts/:id/integrity`)
 * through HTTP, in the built all-in-one (PGlite stores, in-memory read models).
 *
 * The account's events are made by the real flows, through the API: a placement (which
 * client-intake, debtor-contact, payments and legal-referral each act on), then payments
 * and contact attempts (collectors' emails) in turn until the services' streams of the
 * account hold BENCH_EVENTS events together. BENCH_OTHER_ACCOUNTS other accounts are
 * placed first, so reporting's collections hold more than the one account.
 *
 * Run from the repository root:
 *   npm run build
 *   node -r ./deploy/runtime/register-paths.js dist/bench/account-history.bench.js
 *
 * Before/after in one run: BENCH_BEFORE_ROOT=<another checkout, built with `npm run build`,
 * node_modules linked> starts that version's all-in-one too, seeds it the same way, and the
 * requests go to both in turn (request by request, the order rotating).
 *
 * Environment (all optional):
 *   BENCH_EVENTS          events of the measured account, all services (default 1000, max 20000)
 *   BENCH_OTHER_ACCOUNTS  other accounts placed first (default 200, max 20000)
 *   BENCH_REQUESTS        timed requests per endpoint and version (default 200, max 10000)
 *   BENCH_BEFORE_ROOT     see above
 *   BENCH_NODE_ARGS       extra node options for the all-in-one processes (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`)
 *   BENCH_ENDPOINTS       which endpoints, comma-separated (default `history,integrity`), e.g. one alone to profile it
 *   BENCH_CHANGED_REQUESTS  then this many requests per endpoint and version right after the account changed (default 20,
 *                         0 for none; each after one more contact attempt, once reporting's timeline shows it): the
 *                         answer cannot be the one remembered of the account (the history reads the new entries, the
 *                         integrity check the streams that grew)
 *
 * Besides wall-time percentiles it prints the all-in-one's CPU time per call (its user +
 * system time from /proc around each request, so it includes whatever else the process
 * did meanwhile), which the machine's load stretches far less than wall time, and the
 * load average before and after.
 *
 * Only 127.0.0.1, free ports, temporary data folders removed at the end. STAFF_TOKEN_SECRET
 * is left unset: the processes check staff tokens against the public demo secret.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addContact, SeededAllInOne, seedLongAccount, startAllInOne, stopAllInOne, Timed, timedGet, timeInTurn } from './all-in-one-seeding';
import { intFromEnv, percentile, reportFigure } from './bench-support';

const ROOT = join(__dirname, '..', '..');
const EVENTS = intFromEnv('BENCH_EVENTS', 1000, 20_000);
const OTHER_ACCOUNTS = intFromEnv('BENCH_OTHER_ACCOUNTS', 200, 20_000);
const REQUESTS = intFromEnv('BENCH_REQUESTS', 200, 10_000);

const CHANGED_REQUESTS = process.env.BENCH_CHANGED_REQUESTS === '0' ? 0 : intFromEnv('BENCH_CHANGED_REQUESTS', 20, 1_000);
type Endpoint = 'history' | 'integrity';
const ENDPOINTS = (process.env.BENCH_ENDPOINTS ?? 'history,integrity').split(',').map((name): Endpoint => {
  if (name !== 'history' && name !== 'integrity') throw new RangeError(`BENCH_ENDPOINTS: unknown endpoint ${name}`);
  return name;
});

/** Linux counts a process's CPU time in clock ticks of 10 ms (USER_HZ = 100). */
const MS_PER_TICK = 10;

/** User + system CPU time of a process so far, in ms. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

const load = (): string => loadavg().map((value) => value.toFixed(1)).join(' ');

async function main(): Promise<void> {
  const roots: [string, string][] = [['after', ROOT]];
  if (process.env.BENCH_BEFORE_ROOT) roots.unshift(['before', process.env.BENCH_BEFORE_ROOT]);
  console.log(`account-history bench: ${EVENTS} events on the account, ${OTHER_ACCOUNTS} other accounts, ${REQUESTS} requests per endpoint and version; load average ${load()}`);
  const targets: SeededAllInOne[] = [];
  try {
    for (const [version, root] of roots) {
      const target = await startAllInOne(version, root, 'account-history');
      targets.push(target);
      const seeded = performance.now();
      await seedLongAccount(target, EVENTS, OTHER_ACCOUNTS);
      console.log(`${version}: seeded ${target.events} events on ${target.accountId} in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    }
    console.log(`timing; load average ${load()}`);
    const cpu = new Map<string, { ms: number; calls: number }>();
    const timedWithCpu = async (target: SeededAllInOne, endpoint: string, get: () => Promise<Timed>): Promise<Timed> => {
      const before = cpuMsOf(target.child.pid!);
      const timed = await get();
      const key = `${target.version} ${endpoint}`;
      const sum = cpu.get(key) ?? { ms: 0, calls: 0 };
      cpu.set(key, { ms: sum.ms + cpuMsOf(target.child.pid!) - before, calls: sum.calls + 1 });
      return timed;
    };
    const cpuPerCall = (version: string, endpoint: string): string => {
      const sum = cpu.get(`${version} ${endpoint}`);
      return sum ? (sum.ms / sum.calls).toFixed(1) : '';
    };
    const timed = await timeInTurn(targets, ENDPOINTS, REQUESTS, (target, endpoint) =>
      timedWithCpu(target, endpoint, () => timedGet(target, `/audit/accounts/${target.accountId}/${endpoint}`)),
    );
    // Each endpoint right after the account changed: one more contact attempt, and once
    // reporting's timeline lists it, the endpoint (its answer of before no longer fits: the
    // history must read the new entries, the check the grown streams).
    const afterChange = ENDPOINTS.map((endpoint) => [`${endpoint} after a change`, endpoint] as const);
    const changed = CHANGED_REQUESTS > 0
      ? await timeInTurn(targets, afterChange.map(([name]) => name), CHANGED_REQUESTS, async (target, name) => {
          await addContact(target);
          const endpoint = afterChange.find(([known]) => known === name)![1];
          return timedWithCpu(target, name, () => timedGet(target, `/audit/accounts/${target.accountId}/${endpoint}`));
        })
      : [];
    console.log(`node ${process.version}, ${new Date().toISOString()}; load average ${load()}`);
    for (const { target, endpoint, sorted } of timed) {
      if (target.version === 'before') continue;
      reportFigure(endpoint === 'history' ? 'history-p99-ms' : 'integrity-p99-ms', percentile(sorted, 99));
    }
    console.table([...timed, ...changed].map(({ target, endpoint, row }) => ({ ...row, 'CPU ms per call': cpuPerCall(target.version, endpoint) })));
  } catch (error) {
    for (const target of targets) console.error(`--- ${target.version} output ---\n${target.output.join('').slice(-4_000)}`);
    throw error;
  } finally {
    for (const target of targets) await stopAllInOne(target);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
