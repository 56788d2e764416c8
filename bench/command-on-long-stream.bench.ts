/**
 * Command on a long stream: a payment posted on an account whose ledger already holds
 * 1,000 events, with the aggregate cache (`handleCommand`'s default) and without it
 * (`cache: false`: read and fold the whole stream every time), interleaved command by
 * command so both see the same machine load. PostgreSQL and PGlite (memory).
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   node -r ./deploy/runtime/register-paths.js dist/bench/command-on-long-stream.bench.js
 *
 * Environment (all optional):
 *   DATABASE_URL          PostgreSQL; read from .infra/env when unset; without it only PGlite runs
 *   BENCH_HISTORY         events already on each ledger (default 1000, max 100000)
 *   BENCH_COMMANDS        timed payments per mode and store (default 200, max 10000)
 *
 * The ledgers are seeded by the payments decider itself (decided in memory, appended
 * 100 events at a time), through the payments service's upcasting store. Each mode posts
 * on its own ledger, so every mode's ledger grows by the same count during the run.
 * Modes: uncached; cached; cached with dedupe by causation (an Idempotency-Key request).
 * The cache's first command on a ledger (cold: the whole stream) is printed apart.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { AggregateCache, CommandContext, EventToAppend, fold, handleCommand, isRejection } from '@lib/es-core';
import { createPgliteEventStore, createPostgresEventStore, EventStore, withUpcasting } from '@lib/event-store';
import { ledgerDecider } from '../apps/payments/src/domain/ledger/ledger.decider';
import { LedgerEvent } from '../apps/payments/src/domain/ledger/ledger.events';
import { ledgerUpcasters } from '../apps/payments/src/domain/ledger/ledger.upcasters';
import { intFromEnv, percentile, reportFigure, readInfraEnv } from './bench-support';

const NOW = new Date('2026-06-01T09:00:00.000Z');
const SEED_BATCH = 100;

type Mode = 'uncached' | 'cached' | 'cached + dedupe';
const MODES: Mode[] = ['uncached', 'cached', 'cached + dedupe'];

interface Row {
  store: string;
  mode: string;
  commands: number;
  latenciesMs: number[];
}

async function main(): Promise<void> {
  const history = intFromEnv('BENCH_HISTORY', 1000, 100_000);
  const commands = intFromEnv('BENCH_COMMANDS', 200, 10_000);
  const rows: Row[] = [];
  const memory: string[] = [];
  const databaseUrl = process.env.DATABASE_URL ?? readInfraEnv('DATABASE_URL');

  if (databaseUrl) {
    const schema = `es_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const store = await createPostgresEventStore({ connectionString: databaseUrl, schema });
    try {
      rows.push(...(await benchmark('PostgreSQL', store, history, commands, memory)));
    } finally {
      await store.close();
      const admin = new Pool({ connectionString: databaseUrl, max: 1 });
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  } else {
    console.log('DATABASE_URL not set (nor in .infra/env): PostgreSQL skipped');
  }

  const pglite = await createPgliteEventStore({});
  try {
    rows.push(...(await benchmark('PGlite (memory)', pglite, history, commands, memory)));
  } finally {
    await pglite.close();
  }

  console.log(`node ${process.version}, ${new Date().toISOString()}, ${history} events on each ledger before the run`);
  console.table(
    rows.map((row) => {
      const sorted = [...row.latenciesMs].sort((a, b) => a - b);
      return {
        store: row.store,
        mode: row.mode,
        commands: row.commands,
        'p50 ms': percentile(sorted, 50).toFixed(2),
        'p99 ms': percentile(sorted, 99).toFixed(2),
        'commands/s': Math.round((1000 * row.commands) / row.latenciesMs.reduce((sum, ms) => sum + ms, 0)),
      };
    }),
  );
  for (const line of memory) console.log(line);
  // The row is the PostgreSQL store with the cache, as the services run it.
  const headline = rows.find((row) => row.store === 'PostgreSQL' && row.mode === 'cached') ?? rows.find((row) => row.mode === 'cached');
  if (headline) reportFigure('long-stream-payment-p50-ms', percentile([...headline.latenciesMs].sort((a, b) => a - b), 50));
}

async function benchmark(name: string, raw: EventStore, history: number, commands: number, memory: string[]): Promise<Row[]> {
  const store = withUpcasting(raw, ledgerUpcasters);
  const ledgers = new Map<Mode, string>();
  for (const mode of MODES) {
    const accountId = `acc-${randomUUID()}`;
    await seedLedger(store, accountId, history);
    ledgers.set(mode, accountId);
  }
  const cache = new AggregateCache();
  const latencies = new Map<Mode, number[]>(MODES.map((mode) => [mode, []]));
  const cold: number[] = [];

  const post = async (mode: Mode, timed: number[]) => {
    const accountId = ledgers.get(mode)!;
    const context = commandContext(mode === 'cached + dedupe');
    const started = performance.now();
    const outcome = await handleCommand(store, ledgerDecider, ledgerStream(accountId), payment(), context, {
      cache: mode === 'uncached' ? false : cache,
    });
    timed.push(performance.now() - started);
    if (outcome.outcome !== 'accepted') throw new Error(`payment on ${accountId}: ${outcome.outcome}`);
  };

  // Warm-up (JIT, pool) on a throwaway ledger, then the cache's cold first command per cached ledger.
  const warmUp = `acc-${randomUUID()}`;
  await seedLedger(store, warmUp, 50);
  for (let i = 0; i < 20; i++) {
    await handleCommand(store, ledgerDecider, ledgerStream(warmUp), payment(), commandContext(false), { cache: false });
  }
  await post('cached', cold);
  await post('cached + dedupe', cold);

  for (let round = 0; round < commands; round++) {
    // Rotate which mode goes first, so none always runs right after another's append.
    for (let i = 0; i < MODES.length; i++) {
      const mode = MODES[(round + i) % MODES.length];
      await post(mode, latencies.get(mode)!);
    }
  }

  const ledgerBytes = cache.approximateBytes / Math.max(cache.size, 1);
  memory.push(
    `${name}: cache holds ${cache.size} ledgers at ~${Math.round(cache.approximateBytes / 1024)} KiB (approximate), ~${Math.round(ledgerBytes / 1024)} KiB per ledger of ${history + commands} events`,
  );
  return [
    ...MODES.map((mode) => ({ store: name, mode, commands, latenciesMs: latencies.get(mode)! })),
    { store: name, mode: 'cached, first command (cold)', commands: cold.length, latenciesMs: cold },
  ];
}

/** An open ledger with `events` events: the opening, then payments decided by the payments decider. */
async function seedLedger(store: EventStore, accountId: string, events: number): Promise<void> {
  const streamId = ledgerStream(accountId);
  const decided: LedgerEvent[] = [];
  const decide = (command: Parameters<typeof ledgerDecider.decide>[0]) => {
    const decision = ledgerDecider.decide(command, fold(ledgerDecider, decided));
    if (isRejection(decision)) throw new Error(`seeding ${accountId}: ${decision.rule}`);
    decided.push(...decision);
  };
  decide({
    type: 'OpenLedger',
    accountId,
    clientId: 'client-1',
    currency: 'USD',
    invoices: [{ number: 'INV-1', dueDate: '2026-01-31', amount: 1_000_000_000 }],
    commissionRateBp: 2_500,
  });
  // Folding from scratch per payment would be quadratic; the state is the fold of what was decided.
  let state = fold(ledgerDecider, decided);
  while (decided.length < events) {
    const decision = ledgerDecider.decide(payment(), state);
    if (isRejection(decision)) throw new Error(`seeding ${accountId}: ${decision.rule}`);
    decided.push(...decision);
    state = decision.reduce(ledgerDecider.evolve, state);
  }
  const toAppend = decided.slice(0, events).map((event): EventToAppend<LedgerEvent> => ({ ...event, metadata: metadata() }) as EventToAppend<LedgerEvent>);
  for (let from = 0; from < toAppend.length; from += SEED_BATCH) {
    await store.appendToStream(streamId, toAppend.slice(from, from + SEED_BATCH), { expectedVersion: from === 0 ? 'no_stream' : from - 1 });
  }
}

function payment() {
  return { type: 'PostPayment' as const, paymentId: randomUUID(), amount: 100, currency: 'USD', method: 'ach' as const, now: NOW };
}

function commandContext(dedupeByCausation: boolean): CommandContext {
  return {
    principal: { role: 'accountant', id: 'accountant-1' },
    correlationId: randomUUID(),
    causationId: dedupeByCausation ? `idempotency:accountant:accountant-1:${randomUUID()}` : `request:${randomUUID()}`,
    now: NOW,
    newId: randomUUID,
    dedupeByCausation,
  };
}

function metadata() {
  return {
    eventId: randomUUID(),
    principal: { role: 'accountant' as const, id: 'accountant-1' },
    correlationId: randomUUID(),
    causationId: `request:${randomUUID()}`,
    occurredAt: NOW.toISOString(),
  };
}

const ledgerStream = (accountId: string) => `ledger-${accountId}`;

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
