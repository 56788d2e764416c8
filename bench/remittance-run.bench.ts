/**
 * Remittance run: one client's statement for a period with BENCH_PAYMENTS agency payments
 * (default 100,000) in PostgreSQL, timed phase by phase as `RunRemittanceHandler` runs
 * them: read the client's payments (catch the per-client index up, then read the client's
 * `client-trust-<clientId>` stream; the index is first built from the whole log, timed on
 * its own, as a service keeps it caught up between runs), choose
 * what is due, build the statement, render CSV and PDF and hash them, issue it (one
 * `RemittanceIssued` appended, naming every payment), then re-render it from history as
 * `GET /remittances/:id.pdf` does. Goal: the run under 10 s. Each round also reads the
 * client's payments the way runs did before the index (readAll of the whole log, pages of
 * 5,000, filtered to the client), interleaved, and checks both reads give the same payments.
 * Prints figures, never asserts.
 *
 * Run from the repository root:
 *   npx tsc -p tsconfig.build.json
 *   node -r ./deploy/runtime/register-paths.js dist/bench/remittance-run.bench.js
 *
 * Environment (all optional):
 *   DATABASE_URL     PostgreSQL; read from .infra/env when unset (a schema is created and dropped)
 *   BENCH_PAYMENTS   payments of the client in the period, at most 200000 (default 100000); one in
 *                    10 is a direct payment, one in 20 is reversed, one in 50 clears after the period
 *   BENCH_ROUNDS     runs, each on a fresh remittance stream (default 3, max 10)
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { aggregateStream, EventToAppend, handleCommand } from '@lib/es-core';
import { createPostgresEventStore } from '@lib/event-store';
import { readClientPaymentFacts, readIssuedRemittances } from '../apps/payments/src/application/get-remittance/read-remittances';
import { clientTrustIndexOf } from '../apps/payments/src/application/get-trust-reconciliation/client-trust-index';
import { readTrustInputsFromLog } from '../apps/payments/src/application/get-trust-reconciliation/read-trust-inputs';
import { paymentFactsOf, selectStatementItems, statementOf } from '../apps/payments/src/domain/remittance/remittance-statement';
import { remittancesDecider } from '../apps/payments/src/domain/remittance/remittances.decider';
import { renderStatement, sealStatement } from '../apps/payments/src/domain/remittance/seal-statement';
import { intFromEnv, median, readInfraEnv } from './bench-support';

const PAYMENTS_PER_ACCOUNT = 10;
const PERIOD = { periodStart: '2026-01-01T00:00:00.000Z', periodEnd: '2026-02-01T00:00:00.000Z' };
const NOW = new Date('2026-02-01T00:00:00.000Z');

function accountEvents(accountId: string, clientId: string, first: number, payments: number): EventToAppend[] {
  const metadata = () => ({ eventId: randomUUID(), principal: { role: 'accountant' as const, id: 'bench' }, correlationId: 'bench', causationId: 'bench', occurredAt: '2026-01-20T00:00:00.000Z' });
  const events: EventToAppend[] = [
    { type: 'LedgerOpened', data: { accountId, clientId, currency: 'USD', invoices: [{ number: 'INV-1', dueDate: '2025-12-01', amount: 100_000_000 }], commissionRateBp: 2_500 }, metadata: metadata() },
  ];
  for (let i = first; i < first + payments; i += 1) {
    const paymentId = randomUUID();
    const applied = 10_000 + (i % 997);
    const commission = Math.round(applied / 4);
    const postedAt = new Date(Date.parse('2026-01-01T00:00:00.000Z') + (i % 30) * 86_400_000 + (i % 86_400) * 1_000).toISOString();
    const clearsAt = i % 50 === 7 ? '2026-02-03T00:00:00.000Z' : postedAt;
    const data = { accountId, clientId, paymentId, amount: applied, currency: 'USD', method: 'ach', allocations: [{ invoiceNumber: 'INV-1', amount: applied }], commission, commissionRateBp: 2_500, plan: null, feeCase: null, credit: 0, balanceAfter: 1, postedAt, clearsAt, ...(i % 10 === 3 ? { direct: true, commissionOwedBy: 'client' } : {}) };
    events.push({ type: 'PaymentPosted.v2', data, metadata: metadata() });
    if (i % 20 === 5) events.push({ type: 'PaymentReversed', data: { ...data, reason: 'nsf', reversedAt: postedAt, stage: 'cleared' }, metadata: metadata() });
  }
  return events;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL ?? readInfraEnv('DATABASE_URL');
  if (!databaseUrl) throw new Error('DATABASE_URL not set (nor in .infra/env)');
  const payments = intFromEnv('BENCH_PAYMENTS', 100_000, 200_000);
  const rounds = intFromEnv('BENCH_ROUNDS', 3, 10);
  const schema = `remit_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema, poolConfig: { max: 10 } });
  try {
    const seeding = performance.now();
    const accounts = Math.ceil(payments / PAYMENTS_PER_ACCOUNT);
    let next = 0;
    let stored = 0;
    // The client's payments, and as many of another client's, so the read has to skip some.
    const client = randomUUID();
    const other = randomUUID();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < accounts * 2) {
          const index = next++;
          const first = (index % accounts) * PAYMENTS_PER_ACCOUNT;
          const events = accountEvents(randomUUID(), index < accounts ? client : other, first, Math.min(PAYMENTS_PER_ACCOUNT, payments - first));
          stored += events.length;
          await store.appendToStream(`ledger-${(events[0].data as { accountId: string }).accountId}`, events, { expectedVersion: 'no_stream' });
        }
      }),
    );
    const seeded = performance.now() - seeding;
    const building = performance.now();
    await clientTrustIndexOf(store).catchUp();
    const built = performance.now() - building;

    const phases: Record<string, number[]> = { 'read payments (whole log, before the index)': [], 'read payments': [], 'choose what is due': [], 'build, render (CSV+PDF), hash': [], 'issue (decide, append)': [], 'run total': [], 're-render PDF from history': [] };
    let listed = { payments: 0, direct: 0, pdfBytes: 0, csvBytes: 0 };
    for (let round = 0; round < rounds; round += 1) {
      // A fresh client stream per round: each round is a first statement over the same ledgers.
      const stream = `remittances-${client}${round === 0 ? '' : `-round-${round}`}`;
      const fromLog = performance.now();
      const logFacts = paymentFactsOf(await readTrustInputsFromLog(store, NOW, client));
      phases['read payments (whole log, before the index)'].push(performance.now() - fromLog);
      const t0 = performance.now();
      const { state } = await aggregateStream(store, remittancesDecider, stream);
      const facts = await readClientPaymentFacts(store, client, NOW);
      const t1 = performance.now();
      const [selection] = selectStatementItems(facts, state, PERIOD.periodEnd);
      const t2 = performance.now();
      const sealed = await sealStatement(selection, facts, { remittanceId: randomUUID(), invoiceId: randomUUID(), statementNumber: 1, clientId: client, remittanceType: 'combined', agreementVersion: null, ...PERIOD, issuedAt: NOW.toISOString() });
      const t3 = performance.now();
      const outcome = await handleCommand(store, remittancesDecider, stream, { type: 'IssueRemittance', clientId: client, ...PERIOD, remittanceType: 'combined', agreementVersion: null, statements: [sealed], now: NOW }, { principal: { role: 'accountant', id: 'bench' }, correlationId: 'bench', causationId: randomUUID(), now: NOW, newId: randomUUID });
      const t4 = performance.now();
      if (outcome.outcome !== 'accepted') throw new Error(`run refused: ${JSON.stringify(outcome)}`);
      phases['read payments'].push(t1 - t0);
      phases['choose what is due'].push(t2 - t1);
      phases['build, render (CSV+PDF), hash'].push(t3 - t2);
      phases['issue (decide, append)'].push(t4 - t3);
      phases['run total'].push(t4 - t0);
      if (JSON.stringify([...logFacts]) !== JSON.stringify([...facts])) throw new Error('the index and the log give different payments');

      const t5 = performance.now();
      const issued = round === 0 ? (await readIssuedRemittances(store, client))[0].issued : sealedData(sealed, client);
      const again = await renderStatement(statementOf(issued, await readClientPaymentFacts(store, client, NOW)));
      phases['re-render PDF from history'].push(performance.now() - t5);
      if (again.pdfSha256 !== sealed.pdfSha256 || again.csvSha256 !== sealed.csvSha256) throw new Error('the re-rendered statement differs from the issued one');
      listed = { payments: sealed.paymentIds.length, direct: sealed.directPaymentIds.length, pdfBytes: again.pdf.length, csvBytes: Buffer.byteLength(again.csv) };
    }
    console.log(`node ${process.version}, ${new Date().toISOString()}, PostgreSQL; the client: ${payments} payments in ${accounts} accounts, another client as many (${stored} events, seeded in ${(seeded / 1000).toFixed(1)} s, per-client index built from the log in ${(built / 1000).toFixed(1)} s), ${rounds} rounds`);
    console.log(`statement: ${listed.payments} agency payments, ${listed.direct} direct, CSV ${(listed.csvBytes / 1e6).toFixed(1)} MB, PDF ${(listed.pdfBytes / 1e6).toFixed(1)} MB`);
    console.table(Object.entries(phases).map(([phase, ms]) => ({ phase, 'median ms': median(ms).toFixed(0), 'max ms': Math.max(...ms).toFixed(0) })));
  } finally {
    await store.close();
    const admin = new Pool({ connectionString: databaseUrl, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

/** What the issuing event of a sealed statement holds (the later rounds' streams are read by id, not by client). */
function sealedData(sealed: Awaited<ReturnType<typeof sealStatement>>, clientId: string) {
  return { remittanceId: sealed.remittanceId, clientId, currency: sealed.currency, paymentIds: sealed.paymentIds, issuedAt: NOW.toISOString(), remittanceType: 'combined' as const, directPaymentIds: sealed.directPaymentIds, clawbacks: sealed.clawbacks, statementNumber: 1, ...PERIOD, agreementVersion: null };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
