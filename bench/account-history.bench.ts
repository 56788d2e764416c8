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
 *
 * Only 127.0.0.1, free ports, temporary data folders removed at the end. STAFF_TOKEN_SECRET
 * is left unset: the processes check staff tokens against the public demo secret.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SeededAllInOne, seedLongAccount, startAllInOne, stopAllInOne, timedGet, timeInTurn } from './all-in-one-seeding';
import { intFromEnv, percentile, reportFigure } from './bench-support';

const ROOT = join(__dirname, '..', '..');
const EVENTS = intFromEnv('BENCH_EVENTS', 1000, 20_000);
const OTHER_ACCOUNTS = intFromEnv('BENCH_OTHER_ACCOUNTS', 200, 20_000);
const REQUESTS = intFromEnv('BENCH_REQUESTS', 200, 10_000);

const ENDPOINTS = ['history', 'integrity'] as const;

async function main(): Promise<void> {
  const roots: [string, string][] = [['after', ROOT]];
  if (process.env.BENCH_BEFORE_ROOT) roots.unshift(['before', process.env.BENCH_BEFORE_ROOT]);
  console.log(`account-history bench: ${EVENTS} events on the account, ${OTHER_ACCOUNTS} other accounts, ${REQUESTS} requests per endpoint and version`);
  const targets: SeededAllInOne[] = [];
  try {
    for (const [version, root] of roots) {
      const target = await startAllInOne(version, root, 'account-history');
      targets.push(target);
      const seeded = performance.now();
      await seedLongAccount(target, EVENTS, OTHER_ACCOUNTS);
      console.log(`${version}: seeded ${target.events} events on ${target.accountId} in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    }
    const timed = await timeInTurn(targets, ENDPOINTS, REQUESTS, (target, endpoint) => timedGet(target, `/audit/accounts/${target.accountId}/${endpoint}`));
    console.log(`node ${process.version}, ${new Date().toISOString()}`);
    for (const { target, endpoint, sorted } of timed) {
      if (target.version === 'before') continue;
      reportFigure(endpoint === 'history' ? 'history-p99-ms' : 'integrity-p99-ms', percentile(sorted, 99));
    }
    console.table(timed.map(({ row }) => row));
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
