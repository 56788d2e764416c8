/**
 * Verifiable history exports, end to end, in both deployments: an account paid and closed
 * across every service is exported by compliance and by its own client, in NDJSON and
 * CSV, and checked by the stand-alone verifier (the compiled tools/verify-export.ts, run
 * as a regulator would run it: a separate process, no server code, the published key).
 * Then a line is changed and the verifier refuses the export, naming the line.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Deployment, startAllInOne, startDistributed } from './journeys/deployment';
import { as, call, eventually, onboardClient, placePaidAccount } from './journeys/journeys';

const ROOT = join(__dirname, '..', '..');
const VERIFIER = join(ROOT, 'dist', 'tools', 'verify-export.js');
const work = mkdtempSync(join(tmpdir(), 'history-export-'));

beforeAll(() => {
  const compiled = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tools', 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
  if (compiled.status !== 0) throw new Error(`compiling the verifier failed:\n${compiled.stdout}${compiled.stderr}`);
}, 120_000);

/** Runs the verifier as its own process, without blocking this one (which serves the all-in-one the verifier may fetch the key from). */
function verify(file: string, ...keyArgs: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [VERIFIER, file, ...keyArgs], { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: `${stdout}${stderr}` });
    });
  });
}

interface HistoryEntry {
  service: string;
  type: string;
  eventId: string;
  data: { messageId?: string };
}

/** What the message dispatcher records once a queued message is settled. */
const MESSAGE_OUTCOMES = ['MessageSent', 'MessageCancelled', 'MessageFailed'];

async function download(d: Deployment, path: string, credentials: Parameters<typeof as.client>[0] | undefined, token?: string) {
  const headers: Record<string, string> = credentials ? { 'x-api-key': credentials } : token ? { authorization: token } : {};
  const response = await fetch(`${d.url('reporting')}${path}`, { headers });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '', text: await response.text() };
}

describe.each([
  ['all-in-one', startAllInOne],
  ['distributed (a process per app: PostgreSQL, Kafka, FerretDB)', startDistributed],
] as const)('verifiable history exports, %s', (mode, start) => {
  let d: Deployment;
  beforeAll(async () => {
    d = await start();
  }, 120_000);
  afterAll(async () => {
    await d?.stop();
  }, 60_000);

  it('an account and a client export verify offline with the published key, and a changed line is named', async () => {
    const { client, accountId } = await placePaidAccount(d, `EXPORT-${Date.now()}`);
    const compliance = as.staff('compliance') as { token: string };
    const readHistory = async () => {
      const answer = await call(d, 'reporting', 'GET', `/audit/accounts/${accountId}/history`, { as: compliance });
      return answer.status === 200 ? (answer.body as HistoryEntry[]) : [];
    };
    const history = await eventually('the full history', async () => {
      const entries = await readHistory();
      // Settled: the closing has reached every service, the cadence has stopped, and the
      // dispatcher has recorded the outcome of every message the case queued (it may record a
      // send judged before the closing after it), so nothing more arrives before the exports.
      const closed = ['AccountClosed', 'CadenceStopped', 'ContactCaseClosed', 'ReferralCaseClosed'].every((type) => entries.some((e) => e.type === type));
      const outcomes = new Set(entries.filter((e) => MESSAGE_OUTCOMES.includes(e.type)).map((e) => e.data.messageId));
      const messagesSettled = entries.filter((e) => e.type === 'MessageQueued').every((e) => outcomes.has(e.data.messageId));
      if (new Set(entries.map((e) => e.service)).size !== 4 || !closed || !messagesSettled) return undefined;
      // And still the same a moment later: an event this list does not foresee would show here, not as a miscount below.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const again = await readHistory();
      return JSON.stringify(again.map((e) => e.eventId)) === JSON.stringify(entries.map((e) => e.eventId)) ? entries : undefined;
    });

    const published = await fetch(`${d.url('reporting')}/.well-known/agency-signing-key`);
    expect(published.status).toBe(200);
    const key = (await published.json()) as { keys: Array<{ kty: string; crv: string; kid: string }>; pem: string };
    expect(key.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', kid: expect.any(String) })]);
    const keyFile = join(work, `${mode.slice(0, 3)}-key.pem`);
    writeFileSync(keyFile, key.pem);

    const exported = await download(d, `/reports/accounts/${accountId}/history/export?format=ndjson`, undefined, compliance.token);
    expect(exported.status).toBe(200);
    expect(exported.contentType).toMatch(/^application\/x-ndjson/);
    expect(exported.disposition).toContain(`account-${accountId}-history.ndjson`);
    const lines = exported.text.trimEnd().split('\n').map((line) => JSON.parse(line) as { record: string; type?: string; metadata?: { hash: string; previousHash: string } });
    expect(lines[0]).toMatchObject({ record: 'header', scope: 'account', subject: accountId });
    expect(lines.slice(1, -1).map((line) => line.type)).toEqual(history.map((entry) => entry.type));
    for (const event of lines.slice(1, -1)) expect(event.metadata).toEqual(expect.objectContaining({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), previousHash: expect.stringMatching(/^[0-9a-f]{64}$/) }));
    expect(lines[lines.length - 1]).toMatchObject({ record: 'signature', algorithm: 'Ed25519', keyId: key.keys[0].kid, events: history.length });

    const accountFile = join(work, `${mode.slice(0, 3)}-account.ndjson`);
    writeFileSync(accountFile, exported.text);
    const good = await verify(accountFile, '--key', keyFile);
    expect(good).toEqual({ code: 0, output: expect.stringContaining(`VERIFIED ${accountFile}: ${history.length} events`) });
    expect((await verify(accountFile, '--jwks-url', `${d.url('reporting')}/.well-known/agency-signing-key`)).code).toBe(0);

    // A regulator's copy with one amount changed: the verifier names the line and the stream.
    const textLines = exported.text.split('\n');
    const placedAt = textLines.findIndex((line) => line.includes('"type":"AccountPlaced"'));
    textLines[placedAt] = textLines[placedAt].replace(/"clientReference":"[^"]*"/, '"clientReference":"FORGED"');
    expect(textLines[placedAt]).toContain('FORGED');
    const tamperedFile = join(work, `${mode.slice(0, 3)}-tampered.ndjson`);
    writeFileSync(tamperedFile, textLines.join('\n'));
    const tampered = await verify(tamperedFile, '--key', keyFile);
    expect(tampered.code).toBe(1);
    expect(tampered.output).toContain(`NOT VERIFIED ${tamperedFile}: line ${placedAt + 1}: content does not match its hash`);
    expect(tampered.output).toContain(`stream client-intake/account-${accountId}`);

    // The owning client, through its API key: its account as CSV, and its whole history.
    const csv = await download(d, `/reports/accounts/${accountId}/history/export?format=csv`, client.apiKey);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toMatch(/^text\/csv/);
    const csvFile = join(work, `${mode.slice(0, 3)}-account.csv`);
    writeFileSync(csvFile, csv.text);
    expect(await verify(csvFile, '--key', keyFile)).toEqual({ code: 0, output: expect.stringContaining(`${history.length} events`) });

    const own = await download(d, `/reports/clients/${client.clientId}/history/export`, client.apiKey);
    expect(own.status).toBe(200);
    const clientFile = join(work, `${mode.slice(0, 3)}-client.ndjson`);
    writeFileSync(clientFile, own.text);
    expect(await verify(clientFile, '--key', keyFile)).toEqual({ code: 0, output: expect.stringContaining(`${history.length} events`) });
    expect(JSON.parse(own.text.split('\n')[0])).toMatchObject({ record: 'header', scope: 'client', subject: client.clientId });
  }, 180_000);

  it("another client gets 404 for the account and the client; other roles are refused; a bad format is a 400", async () => {
    const { client, accountId } = await placePaidAccount(d, `EXPORT-ISO-${Date.now()}`);
    const other = await onboardClient(d, `Other Creditor ${Date.now()}`);
    await eventually('the account in reporting', async () => {
      const answer = await download(d, `/reports/accounts/${accountId}/history/export`, client.apiKey);
      return answer.status === 200 ? answer : undefined;
    });
    const foreignAccount = await download(d, `/reports/accounts/${accountId}/history/export`, other.apiKey);
    expect(foreignAccount.status).toBe(404);
    expect(JSON.parse(foreignAccount.text)).toMatchObject({ rule: 'account-unknown' });
    const foreignClient = await download(d, `/reports/clients/${client.clientId}/history/export`, other.apiKey);
    expect(foreignClient.status).toBe(404);
    expect(JSON.parse(foreignClient.text)).toMatchObject({ rule: 'client-unknown' });

    expect((await download(d, `/reports/accounts/${accountId}/history/export`, undefined, (as.staff('collector') as { token: string }).token)).status).toBe(403);
    expect((await download(d, `/reports/clients/${client.clientId}/history/export`, undefined, (as.staff('supervisor') as { token: string }).token)).status).toBe(403);
    expect((await download(d, `/reports/accounts/${accountId}/history/export`, undefined)).status).toBe(401);
    const badFormat = await download(d, `/reports/accounts/${accountId}/history/export?format=pdf`, client.apiKey);
    expect(badFormat.status).toBe(400);
    expect(badFormat.text).toContain('format');
  }, 180_000);
});
