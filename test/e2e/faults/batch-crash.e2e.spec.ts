/**
 * kill -9 of client-intake (its own process from dist/, PostgreSQL event store on the
 * shared server, a schema of its own) while it places a batch file: once it is started
 * again, every row is placed exactly once, and each chunk's results are recorded once.
 * See docs/client-intake.md, "Bulk placement".
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { RunningApp, startApp } from '../../support/app-process';
import { DEPLOYMENT_STAFF_TOKEN_SECRET, sharedServers, staffToken } from '../journeys/deployment';

const ROWS = 4_000;
const HEADER = 'clientReference,commercial,debtorKind,debtorLegalName,debtorCountry,invoiceNumber,issueDate,dueDate,originalAmount,currency';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('faults: client-intake killed (SIGKILL) in the middle of a batch', () => {
  const servers = sharedServers();
  const schema = `bk${randomUUID().slice(0, 8)}`;
  const env = { EVENT_STORE: 'postgres', DATABASE_URL: servers.databaseUrl, EVENT_STORE_SCHEMA: schema, STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET };
  let app: RunningApp | undefined;

  afterAll(async () => {
    await app?.stop();
    const client = new Client({ connectionString: servers.databaseUrl });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  }, 60_000);

  async function call(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${app!.url}${path}`, { method, headers, body });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      return { status: response.status, body: text };
    }
  }

  it('places every row exactly once after a restart', async () => {
    app = await startApp('client-intake', env, 90_000);
    const admin = { authorization: staffToken('admin'), 'content-type': 'application/json' };
    const onboarded = await call('POST', '/clients', admin, JSON.stringify({ name: 'Crashing Batch Creditor' }));
    const clientId: string = onboarded.body.clientId;
    const apiKey: string = (await call('POST', `/clients/${clientId}/api-keys`, admin)).body.apiKey;
    const asClient = { 'x-api-key': apiKey };

    const rows = Array.from({ length: ROWS }, (_, i) => `K-${i + 1},true,company,Crash Co ${i + 1},US,INV-${i + 1},2025-10-16,2025-11-15,${1_000 + i},USD`);
    const upload = await call('POST', '/placements/batches', { ...asClient, 'content-type': 'text/csv', 'idempotency-key': 'crash-batch' }, [HEADER, ...rows].join('\n'));
    expect(upload.status).toBe(202);
    const batchId: string = upload.body.batchId;

    // Kill it once some rows are placed and some are not.
    let before: any;
    for (;;) {
      before = (await call('GET', `/placements/batches/${batchId}`, asClient)).body;
      if (before.placed > 0) break;
      await sleep(5);
    }
    await app.crash();
    expect(before.pending).toBeGreaterThan(0);

    app = await startApp('client-intake', env, 90_000);
    // The same upload again, as a client whose answer was lost would send it: the same batch.
    const retried = await call('POST', '/placements/batches', { ...asClient, 'content-type': 'text/csv', 'idempotency-key': 'crash-batch' }, [HEADER, ...rows].join('\n'));
    expect(retried).toMatchObject({ status: 202, body: { batchId } });
    let after: any;
    for (let i = 0; i < 1_200; i++) {
      after = (await call('GET', `/placements/batches/${batchId}`, asClient)).body;
      if (after.status === 'completed') break;
      await sleep(100);
    }
    expect(after).toMatchObject({ status: 'completed', received: ROWS, placed: ROWS, alreadyPlaced: 0, refused: 0, pending: 0, progress: 1 });

    const results = (await call('GET', `/placements/batches/${batchId}/results`, asClient)).body as string;
    const lines = results.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.row)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
    expect(lines.every((line) => line.outcome === 'placed')).toBe(true);
    expect(new Set(lines.map((line) => line.accountId)).size).toBe(ROWS);

    const db = new Client({ connectionString: servers.databaseUrl });
    await db.connect();
    try {
      const placed = await db.query(`SELECT count(*)::int AS n, count(DISTINCT stream_id)::int AS streams FROM "${schema}".events WHERE type = 'AccountPlaced' AND data->>'clientId' = $1`, [clientId]);
      expect(placed.rows[0]).toEqual({ n: ROWS, streams: ROWS });
      const chunks = await db.query(`SELECT count(*)::int AS n, count(DISTINCT data->>'chunk')::int AS distinct_chunks FROM "${schema}".events WHERE stream_id = $1 AND type = 'RowsPlaced'`, [`batch-${batchId}`]);
      expect(chunks.rows[0]).toEqual({ n: ROWS / 500, distinct_chunks: ROWS / 500 });
    } finally {
      await db.end();
    }
    process.stdout.write(`batch crash: killed at ${before.placed}/${ROWS} placed (status ${before.status}); completed after restart\n`);
  }, 300_000);
});
