/**
 * What-if commission: the time `POST /clients/:clientId/commission/what-if` spends for one
 * client's payments in PostgreSQL, under the plan that charged them (every difference must
 * be 0, checked) and under another plan, interleaved. The handler reads the whole log to
 * find the client's ledgers, then reads and recomputes each. Other clients' ledgers sit in
 * the same log. Prints figures, never asserts.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   node -r ./deploy/runtime/register-paths.js dist/bench/commission-what-if.bench.js
 *
 * Environment (all optional):
 *   DATABASE_URL       PostgreSQL; read from .infra/env when unset (a schema is created and dropped)
 *   BENCH_PAYMENTS     payments of the client asked about, at most 200000 (default 10000)
 *   BENCH_OTHERS       payments of other clients in the same log (default 10000, max 200000)
 *   BENCH_ROUNDS       what-ifs per plan, interleaved (default 5, max 50)
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import type { EventToAppend } from '@lib/es-core';
import { createPostgresEventStore } from '@lib/event-store';
import { GetCommissionWhatIfHandler } from '../apps/payments/src/application/get-commission-what-if/get-commission-what-if.handler';
import { GetCommissionWhatIf } from '../apps/payments/src/application/get-commission-what-if/get-commission-what-if.query';
import { ratePlan } from '../apps/payments/src/domain/commission-plan/commission.fixtures';
import type { PaymentsDependencies } from '../apps/payments/src/payments.dependencies';
import { intFromEnv, median, readInfraEnv } from './bench-support';

const PAYMENTS_PER_ACCOUNT = 10;
const PLAN = ratePlan({ planId: 'bench', baseRateBp: 2_000 });
const DAY = 86_400_000;
const START = Date.parse('2026-06-01T00:00:00.000Z');

/** A ledger opened under terms, its payments charged 20% under PLAN (stamped), one a day. */
function accountEvents(accountId: string, clientId: string, payments: number): EventToAppend[] {
  const metadata = (at: number) => ({ eventId: randomUUID(), principal: { role: 'accountant' as const, id: 'bench' }, correlationId: 'bench', causationId: 'bench', occurredAt: new Date(at).toISOString() });
  const events: EventToAppend[] = [
    { type: 'LedgerOpened', data: { accountId, clientId, currency: 'USD', invoices: [{ number: 'INV-1', dueDate: '2026-01-31', amount: 100_000_000 }], commissionRateBp: 2_500, placedAt: '2026-05-01T00:00:00.000Z', placedAmount: 100_000_000, category: 'standard' }, metadata: metadata(START) },
  ];
  for (let i = 0; i < payments; i += 1) {
    const at = START + i * DAY;
    const applied = 10_000 + i;
    const commission = Math.floor((applied * 2_000 + 5_000) / 10_000);
    const data = { accountId, clientId, paymentId: `${accountId}-p${i}`, amount: applied, currency: 'USD', method: 'ach', allocations: [{ invoiceNumber: 'INV-1', amount: applied }], commission, commissionRateBp: 2_000, plan: { planId: 'bench', agreementVersion: 1, tierId: 'base' }, feeCase: null, credit: 0, balanceAfter: 1, postedAt: new Date(at).toISOString(), clearsAt: new Date(at).toISOString() };
    events.push({ type: 'PaymentPosted.v2', data, metadata: metadata(at) });
  }
  return events;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? readInfraEnv('DATABASE_URL');
  if (!databaseUrl) throw new Error('DATABASE_URL not set (nor in .infra/env)');
  const payments = intFromEnv('BENCH_PAYMENTS', 10_000, 200_000);
  const others = intFromEnv('BENCH_OTHERS', 10_000, 200_000);
  const rounds = intFromEnv('BENCH_ROUNDS', 5, 50);
  const client = randomUUID();
  const schema = `whatif_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema, poolConfig: { max: 10 } });
  try {
    const ledgers: Array<{ clientId: string; payments: number }> = [];
    for (let left = payments; left > 0; left -= PAYMENTS_PER_ACCOUNT) ledgers.push({ clientId: client, payments: Math.min(PAYMENTS_PER_ACCOUNT, left) });
    for (let left = others; left > 0; left -= PAYMENTS_PER_ACCOUNT) ledgers.push({ clientId: randomUUID(), payments: Math.min(PAYMENTS_PER_ACCOUNT, left) });
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < ledgers.length) {
          const { clientId, payments: count } = ledgers[next++];
          const accountId = randomUUID();
          await store.appendToStream(`ledger-${accountId}`, accountEvents(accountId, clientId, count), { expectedVersion: 'no_stream' });
        }
      }),
    );

    const deps: Pick<PaymentsDependencies, 'eventStore'> = { eventStore: store };
    const handler = new GetCommissionWhatIfHandler(deps as PaymentsDependencies);
    const plans = { 'plan in force': PLAN, 'another plan': ratePlan({ planId: 'other', baseRateBp: 1_500, collectedThresholds: [{ upTo: 30_000, rateBp: 5_000 }] }) };
    const timings: Record<string, number[]> = { 'plan in force': [], 'another plan': [] };
    for (let round = 0; round < rounds; round += 1) {
      for (const [name, plan] of Object.entries(plans)) {
        const started = performance.now();
        const answer = await handler.execute(new GetCommissionWhatIf(client, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', plan));
        timings[name].push(performance.now() - started);
        if (answer.payments.length !== payments) throw new Error(`expected ${payments} payments, got ${answer.payments.length}`);
        if (name === 'plan in force' && answer.payments.some((p) => p.difference !== 0)) throw new Error('the plan in force did not reproduce the recorded figures');
      }
    }
    console.log(`node ${process.version}, ${new Date().toISOString()}, ${payments} payments of the client and ${others} of others in ${ledgers.length} ledgers, ${rounds} rounds`);
    console.table(Object.entries(timings).map(([plan, ms]) => ({ 'what-if under': plan, 'median ms': median(ms).toFixed(1), 'max ms': Math.max(...ms).toFixed(1) })));
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
