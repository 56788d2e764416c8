/**
 * Issue 8's table, row by row: runs the benchmarks that measure each row (one after the
 * other, short settings), reads the `#figure` lines they print (bench-support.ts,
 * reportFigure) and prints the issue's figure from when it was filed next to today's and
 * the goal. "Before" is quoted from the issue as filed, not measured again: the code it
 * measured is gone. Every "now" figure is measured in this run.
 *
 * `npm run bench:issue-8` (builds first; needs `npm run infra:up`). Environment:
 *   BENCH_TABLE_ONLY   comma-separated bench files to run (e.g. read-models,event-store); default all
 *   BENCH_TABLE_QUICK  1 = the shortest settings that still print every figure (default 0)
 * Each bench's own settings can be given as usual; the runner only sets defaults.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { FIGURE_PREFIX } from './bench-support';

interface BenchRun {
  file: string;
  env: Record<string, string>;
  quickEnv: Record<string, string>;
}

const RUNS: BenchRun[] = [
  { file: 'event-store', env: { BENCH_ROUNDS: '6', BENCH_PGLITE: '0' }, quickEnv: { BENCH_ROUNDS: '3', BENCH_APPENDS: '300', BENCH_PGLITE: '0' } },
  { file: 'message-bus', env: { BENCH_ROUNDS: '5', BENCH_PROFILE: '0' }, quickEnv: { BENCH_ROUNDS: '3', BENCH_PROFILE: '0' } },
  { file: 'read-models', env: { BENCH_SECONDS: '15' }, quickEnv: { BENCH_SECONDS: '5' } },
  { file: 'command-on-long-stream', env: {}, quickEnv: { BENCH_COMMANDS: '30' } },
  { file: 'account-history', env: {}, quickEnv: {} },
  { file: 'all-in-one', env: { BENCH_ACCOUNTS: '5000' }, quickEnv: { BENCH_ACCOUNTS: '1000' } },
  { file: 'placement-to-visible', env: { BENCH_SECONDS: '300' }, quickEnv: { BENCH_SECONDS: '30' } },
];

type Figures = Map<string, number>;

interface Row {
  what: string;
  before: string;
  goal: string;
  /** Today's figure in words, or undefined when a figure it needs was not printed. */
  now(f: Figures): string | undefined;
  met(f: Figures): boolean;
}

const get = (f: Figures, ...keys: string[]): number[] | undefined => {
  const values = keys.map((key) => f.get(key));
  return values.every((value): value is number => value !== undefined) ? values : undefined;
};
const fmt = (value: number, digits = 0): string => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const ROWS: Row[] = [
  {
    what: 'all-in-one resident memory, idle, empty data',
    before: 'about 1.5 GB',
    goal: 'under 300 MB',
    now: (f) => get(f, 'aio-idle-rss-mb')?.map((v) => `${fmt(v)} MB`)[0],
    met: (f) => (f.get('aio-idle-rss-mb') ?? Infinity) < 300,
  },
  {
    what: 'all-in-one memory after placed accounts (and per 100,000 at the measured slope)',
    before: 'about 3.0 GB after 30,000 (rising about 0.65 GB per 10,000)',
    goal: 'under 500 MB at 100,000 accounts',
    now: (f) => {
      const v = get(f, 'aio-accounts', 'aio-loaded-rss-mb', 'aio-rss-per-100k-accounts-mb');
      return v && `${fmt(v[1])} MB after ${fmt(v[0])}; ${fmt(v[2])} MB at 100,000 by slope`;
    },
    met: (f) => (f.get('aio-rss-per-100k-accounts-mb') ?? Infinity) < 500,
  },
  {
    what: 'all-in-one start until healthy, warm build',
    before: '20-35 s (empty); 76-95 s restarting with 30,000 accounts',
    goal: 'under 5 s, whatever the history',
    now: (f) => {
      const v = get(f, 'aio-ready-empty-s', 'aio-ready-with-data-s', 'aio-accounts');
      return v && `${fmt(v[0], 1)} s empty; ${fmt(v[1], 1)} s with ${fmt(v[2])} accounts`;
    },
    met: (f) => Math.max(f.get('aio-ready-empty-s') ?? Infinity, f.get('aio-ready-with-data-s') ?? Infinity) < 5,
  },
  {
    what: 'all-in-one heap per placed account',
    before: 'about 49 KB',
    goal: 'bounded: memory must not grow with history kept on disk',
    now: (f) => get(f, 'aio-heap-per-account-kb')?.map((v) => `${fmt(v, 1)} KB`)[0],
    met: (f) => (f.get('aio-heap-per-account-kb') ?? Infinity) < 1,
  },
  {
    what: 'placements through the API, all-in-one, 8 concurrent callers',
    before: 'about 71 per second, p50 110 ms',
    goal: 'at least 500 per second, p99 under 100 ms',
    now: (f) => {
      const v = get(f, 'aio-placement-per-s', 'aio-placement-p50-ms', 'aio-placement-p99-ms');
      return v && `${fmt(v[0])}/s, p50 ${fmt(v[1])} ms, p99 ${fmt(v[2])} ms`;
    },
    met: (f) => (f.get('aio-placement-per-s') ?? 0) >= 500 && (f.get('aio-placement-p99-ms') ?? Infinity) < 100,
  },
  {
    what: 'MongoDB-wire read models, live path (one event per apply)',
    before: '20-30 events/s on FerretDB',
    goal: 'at least 2,000 events/s',
    now: (f) => get(f, 'mongo-live-events-per-s')?.map((v) => `${fmt(v)} events/s`)[0],
    met: (f) => (f.get('mongo-live-events-per-s') ?? 0) >= 2000,
  },
  {
    what: 'rebuilding reporting on the MongoDB-wire server',
    before: '70-83 events/s',
    goal: 'at least 5,000 events/s',
    now: (f) => get(f, 'mongo-rebuild-events-per-s')?.map((v) => `${fmt(v)} events/s`)[0],
    met: (f) => (f.get('mongo-rebuild-events-per-s') ?? 0) >= 5000,
  },
  {
    what: 'rebuilding reporting in memory, one event per apply',
    before: '14,700 events/s',
    goal: 'at least 20,000 events/s',
    now: (f) => get(f, 'memory-rebuild-events-per-s')?.map((v) => `${fmt(v)} events/s`)[0],
    met: (f) => (f.get('memory-rebuild-events-per-s') ?? 0) >= 20000,
  },
  {
    what: 'PostgreSQL store, batched appends (8 writers, 10 events each) vs Emmett',
    before: '0.60× Emmett',
    goal: 'at least 1.5× Emmett',
    now: (f) => get(f, 'pg-batched-vs-emmett')?.map((v) => `${fmt(v, 2)}× Emmett`)[0],
    met: (f) => (f.get('pg-batched-vs-emmett') ?? 0) >= 1.5,
  },
  {
    what: 'the same vs a raw multi-row pg INSERT',
    before: '0.18×',
    goal: 'at least 0.6×',
    now: (f) => get(f, 'pg-batched-vs-raw')?.map((v) => `${fmt(v, 2)}×`)[0],
    met: (f) => (f.get('pg-batched-vs-raw') ?? 0) >= 0.6,
  },
  {
    what: 'single-event appends vs Emmett (1 writer; 8 writers)',
    before: '0.46×',
    goal: 'at least 1.5×',
    now: (f) => {
      const v = get(f, 'pg-single-1-vs-emmett', 'pg-single-8-vs-emmett');
      return v && `${fmt(v[0], 2)}× (1 writer); ${fmt(v[1], 2)}× (8 writers)`;
    },
    met: (f) => Math.min(f.get('pg-single-1-vs-emmett') ?? 0, f.get('pg-single-8-vs-emmett') ?? 0) >= 1.5,
  },
  {
    what: 'Kafka adapter publish→consume vs raw kafkajs',
    before: '0.70× (20k messages), 0.87× (100k)',
    goal: 'at least 0.9× at both sizes',
    now: (f) => {
      const v = get(f, 'kafka-20k-vs-raw', 'kafka-100k-vs-raw');
      return v && `${fmt(v[0], 2)}× (20k), ${fmt(v[1], 2)}× (100k)`;
    },
    met: (f) => Math.min(f.get('kafka-20k-vs-raw') ?? 0, f.get('kafka-100k-vs-raw') ?? 0) >= 0.9,
  },
  {
    what: 'an account with 1,000 events: cross-service history / integrity check',
    before: 'p99 143 ms / 120 ms',
    goal: 'p99 under 50 ms each',
    now: (f) => {
      const v = get(f, 'history-p99-ms', 'integrity-p99-ms');
      return v && `p99 ${fmt(v[0], 1)} ms / ${fmt(v[1], 1)} ms`;
    },
    met: (f) => Math.max(f.get('history-p99-ms') ?? Infinity, f.get('integrity-p99-ms') ?? Infinity) < 50,
  },
  {
    what: 'a payment on an account that already has 1,000 events',
    before: 'p50 39.5 ms',
    goal: 'p50 under 5 ms',
    now: (f) => get(f, 'long-stream-payment-p50-ms')?.map((v) => `p50 ${fmt(v, 2)} ms`)[0],
    met: (f) => (f.get('long-stream-payment-p50-ms') ?? Infinity) < 5,
  },
  {
    what: 'placement → visible in reporting, distributed, 100 placements/s',
    before: 'cannot hold: the read models take 20-30 events/s',
    goal: 'p99 under 1 s, nothing behind at the end',
    now: (f) => {
      const v = get(f, 'visible-distributed-p99-ms', 'visible-distributed-behind', 'visible-distributed-seconds');
      return v && `p99 ${fmt(v[0])} ms over ${fmt(v[2])} s, ${fmt(v[1])} behind at the end`;
    },
    met: (f) => (f.get('visible-distributed-p99-ms') ?? Infinity) < 1000 && f.get('visible-distributed-behind') === 0,
  },
];

function runBench(run: BenchRun, quick: boolean, figures: Figures): Promise<void> {
  const script = join(__dirname, `${run.file}.bench.js`);
  const env = { ...(quick ? run.quickEnv : run.env), ...process.env };
  process.stdout.write(`\n== ${run.file} (${Object.entries(quick ? run.quickEnv : run.env).map(([k, v]) => `${k}=${v}`).join(' ') || 'defaults'})\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', './deploy/runtime/register-paths.js', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith(FIGURE_PREFIX)) continue;
        const [key, value] = line.slice(FIGURE_PREFIX.length).trim().split(' ');
        figures.set(key, Number(value));
      }
    });
    child.on('close', (code) => {
      if (code !== 0) process.stdout.write(`(${run.file} exited with ${code}; its rows show what it printed before that)\n`);
      resolve();
    });
  });
}

async function main(): Promise<void> {
  const only = process.env.BENCH_TABLE_ONLY?.split(',').map((name) => name.trim());
  const quick = process.env.BENCH_TABLE_QUICK === '1';
  const figures: Figures = new Map();
  for (const run of RUNS) if (!only || only.includes(run.file)) await runBench(run, quick, figures);
  const lines = [
    '',
    `Issue 8, measured ${new Date().toISOString()} (load average ${(await import('node:os')).loadavg().map((v) => v.toFixed(1)).join(' ')}):`,
    '',
    '| what | when filed | now | goal | met |',
    '| --- | --- | --- | --- | --- |',
    ...ROWS.map((row) => {
      const now = row.now(figures);
      return `| ${row.what} | ${row.before} | ${now ?? 'not measured in this run'} | ${row.goal} | ${now === undefined ? '' : row.met(figures) ? 'yes' : 'no'} |`;
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
