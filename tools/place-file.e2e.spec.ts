/**
 * The command-line tool against client-intake on a real port: it uploads through the
 * typed creditor client, follows the batch and writes every row's result; run again on
 * the same file it meets the same batch.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '@lib/config';
import { creditorClient } from '@lib/creditor-client';
import { composeProcess, ComposedProcess } from '@lib/platform';
import { ClientIntakeService } from '../apps/client-intake/src/client-intake.service';
import { DEPLOYMENT_STAFF_TOKEN_SECRET, staffToken } from '../test/e2e/journeys/deployment';
import { parseArguments, placeFile } from './place-file';

describe('npm run place-file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'place-file-'));
  let composed: ComposedProcess;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig('client-intake', { PGLITE_DATA_DIR: 'memory', STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET }, { port: 0 });
    composed = await composeProcess(config, [ClientIntakeService], { title: 'place-file', quiet: true });
    await composed.app.listen(0, '127.0.0.1');
    url = (await composed.app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await composed?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('places a CSV file with a progress bar and writes each row\'s result; the same file again changes nothing', async () => {
    const admin = { authorization: staffToken('admin'), 'content-type': 'application/json' };
    const { clientId } = (await (await fetch(`${url}/clients`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'Tool User Ltd' }) })).json()) as { clientId: string };
    const { apiKey } = (await (await fetch(`${url}/clients/${clientId}/api-keys`, { method: 'POST', headers: admin })).json()) as { apiKey: string };

    const file = join(folder, 'accounts.csv');
    const rows = Array.from({ length: 1_200 }, (_, i) => `T-${i + 1},true,company,"Tool, Customer ${i + 1}",US,INV-${i + 1},2025-10-16,2025-11-15,${i === 7 ? 'lots' : 5_000 + i},USD`);
    writeFileSync(file, ['clientReference,commercial,debtorKind,debtorLegalName,debtorCountry,invoiceNumber,issueDate,dueDate,originalAmount,currency', ...rows].join('\n'));
    let log = '';
    const sink = new Writable({ write: (chunk, _encoding, done) => ((log += String(chunk)), done()) });

    const options = parseArguments(['--url', url, '--key', apiKey, '--poll-ms', '50', file]);
    expect(options).toMatchObject({ format: 'csv', out: `${file}.results.ndjson` });
    const status = await placeFile(options, sink);
    expect(status).toMatchObject({ status: 'completed', received: 1_200, placed: 1_199, refused: 1, pending: 0 });
    expect(log).toMatch(/\[#{30}\] 100\.0% 1200\/1200 rows: 1199 placed, 0 already placed, 1 refused/);

    const results = readFileSync(options.out, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(results).toHaveLength(1_200);
    expect(results[7]).toMatchObject({ row: 8, outcome: 'refused' });
    expect(new Set(results[7].problems.map((problem: { field: string }) => problem.field))).toEqual(new Set(['originalAmount']));
    expect(results.filter((row) => row.outcome === 'placed').every((row) => typeof row.accountId === 'string')).toBe(true);

    const again = await placeFile(options, sink);
    expect(again.batchId).toBe(status.batchId);
    const client = creditorClient({ baseUrl: url, apiKey });
    const account = await client.api.GET('/accounts/{accountId}', { params: { path: { accountId: results[0].accountId } } });
    expect(account.data).toMatchObject({ clientReference: 'T-1', debtor: { legalName: 'Tool, Customer 1' } });
  }, 180_000);
});
