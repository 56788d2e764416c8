/**
 * Trust reconciliation: the time `GET /trust/reconciliation` spends for a history of
 * payments in PostgreSQL, split into reading the inputs and folding them into the trust
 * ledger and its balances. The whole trust account reads payments' log (readAll, pages of
 * 5,000); one client's part reads the client's stream of the per-client index (built from
 * the log first, timed on its own, as the service keeps it caught up), and, for comparison,
 * the whole log filtered to the client as it did before the index. Interleaved. Prints
 * figures, never asserts.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   node -r ./deploy/runtime/register-paths.js dist/bench/trust-reconciliation.bench.js
 *
 * Environment (all optional):
 *   DATABASE_URL       PostgreSQL; read from .infra/env when unset (a schema is created and dropped)
 *   BENCH_PAYMENTS     payments posted, at most 200000 (default 10000); one in 20 is reversed,
 *                      one in 10 over-pays and has its credit refunded
 *   BENCH_CLIENTS      clients the accounts belong to (default 20, max 1000)
 *   BENCH_ROUNDS       reconciliations per mode, interleaved (default 5, max 50)
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import type { EventToAppend } from '@lib/es-core';
import { createPostgresEventStore } from '@lib/event-store';
import { clientTrustIndexOf } from '../apps/payments/src/application/get-trust-reconciliation/client-trust-index';
import { readTrustInputs, readTrustInputsFromLog } from '../apps/payments/src/application/get-trust-reconciliation/read-trust-inputs';
import { reconcile } from '../apps/payments/src/domain/trust-ledger/reconciliation';
import { trustLedgerOf } from '../apps/payments/src/domain/trust-ledger/trust-ledger';
import { intFromEnv, median, readInfraEnv } from './bench-support';

const PAYMENTS_PER_ACCOUNT = 10;
const AT = '2026-06-01T09:00:00.000Z';

function accountEvents(accountId: string, clientId: string, payments: number): EventToAppend[] {
  const metadata = () => ({ eventId: randomUUID(), principal: { role: 'accountant' as const, id: 'bench' }, correlationId: 'bench', causationId: 'bench', occurredAt: AT });
  const events: EventToAppend[] = [
    { type: 'LedgerOpened', data: { accountId, clientId, currency: 'USD', invoices: [{ number: 'INV-1', dueDate: '2026-01-31', amount: 100_000_000 }], commissionRateBp: 2_500 }, metadata: metadata() },
  ];
  for (let i = 0; i < payments; i += 1) {
    const paymentId = `${accountId}-p${i}`;
    const credit = i % 10 === 9 ? 300 : 0;
    const applied = 10_000 + i;
    const commission = Math.round(applied / 4);
    const allocations = [{ invoiceNumber: 'INV-1', amount: applied }];
    const data = { accountId, clientId, paymentId, amount: applied + credit, currency: 'USD', method: 'ach', allocations, commission, commissionRateBp: 2_500, plan: null, feeCase: null, credit, balanceAfter: 1, postedAt: AT, clearsAt: AT };
    events.push({ type: 'PaymentPosted.v2', data, metadata: metadata() });
    if (credit > 0) events.push({ type: 'CreditRefunded', data: { accountId, clientId, refundId: `${paymentId}-r`, amount: credit, currency: 'USD', creditOwedAfter: 0, refundedAt: AT }, metadata: metadata() });
    else if (i % 20 === 4) events.push({ type: 'PaymentReversed', data: { ...data, reason: 'nsf', reversedAt: AT, stage: 'cleared' }, metadata: metadata() });
  }
  return events;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? readInfraEnv('DATABASE_URL');
  if (!databaseUrl) throw new Error('DATABASE_URL not set (nor in .infra/env)');
  const payments = intFromEnv('BENCH_PAYMENTS', 10_000, 200_000);
  const clients = Array.from({ length: intFromEnv('BENCH_CLIENTS', 20, 1_000) }, () => randomUUID());
  const rounds = intFromEnv('BENCH_ROUNDS', 5, 50);
  const schema = `trust_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema, poolConfig: { max: 10 } });
  try {
    const accounts = Math.ceil(payments / PAYMENTS_PER_ACCOUNT);
    let next = 0;
    let stored = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < accounts) {
          const index = next++;
          const events = accountEvents(randomUUID(), clients[index % clients.length], Math.min(PAYMENTS_PER_ACCOUNT, payments - index * PAYMENTS_PER_ACCOUNT));
          stored += events.length;
          await store.appendToStream(`ledger-${(events[0].data as { accountId: string }).accountId}`, events, { expectedVersion: 'no_stream' });
        }
      }),
    );

    const building = performance.now();
    await clientTrustIndexOf(store).catchUp();
    const built = performance.now() - building;

    const asOf = new Date('2026-07-01T00:00:00.000Z');
    const timings: Record<string, { read: number[]; fold: number[] }> = { 'whole trust account': { read: [], fold: [] }, 'one client (index)': { read: [], fold: [] }, 'one client (whole log, before the index)': { read: [], fold: [] } };
    for (let round = 0; round < rounds; round += 1) {
      for (const mode of Object.keys(timings)) {
        const client = clients[round % clients.length];
        const started = performance.now();
        const inputs = mode === 'whole trust account' ? await readTrustInputs(store, asOf) : mode === 'one client (index)' ? await readTrustInputs(store, asOf, client) : await readTrustInputsFromLog(store, asOf, client);
        const read = performance.now();
        const [usd] = reconcile(trustLedgerOf(inputs));
        timings[mode].read.push(read - started);
        timings[mode].fold.push(performance.now() - read);
        if (!usd?.invariantHolds) throw new Error(`the trust ledger does not reconcile: ${JSON.stringify(usd)}`);
      }
    }
    console.log(`node ${process.version}, ${new Date().toISOString()}, ${payments} payments in ${accounts} accounts of ${clients.length} clients (${stored} events; per-client index built from the log in ${(built / 1000).toFixed(1)} s), ${rounds} rounds`);
    console.table(
      Object.entries(timings).map(([mode, { read, fold }]) => ({
        reconciliation: mode,
        'read median ms': median(read).toFixed(1),
        'fold median ms': median(fold).toFixed(1),
        'total median ms': median(read.map((r, i) => r + fold[i])).toFixed(1),
        'total max ms': Math.max(...read.map((r, i) => r + fold[i])).toFixed(1),
      })),
    );
  } finally {
    await store.close();
    const admin = new Pool({ connectionString: databaseUrl, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
