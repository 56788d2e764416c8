import { generateKeyPairSync } from 'node:crypto';
import { chainEvents, GENESIS_HASH as STORE_GENESIS, type EventToAppend } from '@lib/es-core';
import type { EventRecord } from '@lib/contracts/audit/history-export.format';
import { AgencySigningKey } from '../apps/reporting/src/application/history-export/agency-signing-key';
import { ExportFormat, historyExport } from '../apps/reporting/src/application/history-export/history-export';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyOf, keysFromText, verdictText, verifyExport, verifyExportChunks, verifyExportFile } from './verify-export';

const ACCOUNT = '5b0e6a1c-0d7e-4a4e-9a43-1f7f1b2d9c01';

/** Events chained exactly as the event stores chain them on append. */
function stream(service: string, streamId: string, types: string[], startMinute: number): EventRecord[] {
  const toAppend = types.map(
    (type, index): EventToAppend => ({
      type,
      data: { amount: 100 * (index + 1), note: `"${type}", with a comma\nand a line break` },
      metadata: {
        eventId: `${streamId}-${index}`,
        principal: { role: 'collector', id: 'c-1' },
        correlationId: 'corr-1',
        causationId: index === 0 ? 'request-1' : `${streamId}-${index - 1}`,
        occurredAt: new Date(Date.UTC(2026, 5, 1, 9, startMinute + index)).toISOString(),
      },
    }),
  );
  return chainEvents(streamId, STORE_GENESIS, 0, toAppend).map((event, version) => ({
    record: 'event',
    service,
    accountId: ACCOUNT,
    streamId,
    version,
    type: event.type,
    data: event.data as EventRecord['data'],
    metadata: event.metadata as EventRecord['metadata'],
  }));
}

const intake = stream('client-intake', `account-${ACCOUNT}`, ['AccountPlaced', 'AccountAcknowledged', 'AccountClosed'], 0);
const payments = stream('payments', `ledger-${ACCOUNT}`, ['PaymentPosted', 'PaymentPosted'], 1);
const events = [intake[0], payments[0], intake[1], payments[1], intake[2]];

const agencyKey = new AgencySigningKey(generateKeyPairSync('ed25519').privateKey);
const publicKeys = keysFromText(agencyKey.publicPem);

async function written(format: ExportFormat, records: EventRecord[] = events): Promise<string> {
  async function* accounts() {
    yield records;
  }
  const exported = historyExport(format, 'account', ACCOUNT, new Date('2026-06-02T00:00:00.000Z'), accounts(), agencyKey);
  let text = '';
  for await (const line of exported.lines) text += line;
  return text;
}

const linesOf = (text: string) => text.split('\n').slice(0, -1);
const joined = (lines: string[]) => `${lines.join('\n')}\n`;

describe('the stand-alone export verifier', () => {
  // The events are chained by @lib/es-core, as the stores chain them: a good export verifying proves both compute the same hashes.
  it('verifies an untouched NDJSON export, with its key as PEM or as the published JWK Set', async () => {
    const text = await written('ndjson');
    const verdict = verifyExport(text, publicKeys);
    expect(verdict).toEqual({ ok: true, lines: 6, events: 5, streams: 2, finalHash: expect.stringMatching(/^[0-9a-f]{64}$/), keyId: agencyKey.keyId });
    expect(verifyExport(text, keysFromText(JSON.stringify({ keys: [agencyKey.publicJwk], pem: agencyKey.publicPem }))).ok).toBe(true);
  });

  it('verifies the CSV form of the same export, to the same final hash', async () => {
    const ndjson = verifyExport(await written('ndjson'), publicKeys);
    const csv = verifyExport(await written('csv'), publicKeys);
    expect(csv).toEqual(ndjson);
  });

  it('verifies an empty export (an account nothing is known of)', async () => {
    expect(verifyExport(await written('ndjson', []), publicKeys)).toMatchObject({ ok: true, lines: 1, events: 0 });
  });

  it('names the line, stream and version of an event whose content was changed', async () => {
    const lines = linesOf(await written('ndjson'));
    lines[3] = lines[3].replace('"amount":200', '"amount":201');
    expect(lines[3]).toContain('"amount":201');
    const verdict = verifyExport(joined(lines), publicKeys);
    expect(verdict).toMatchObject({ ok: false, line: 4, stream: `client-intake/account-${ACCOUNT}`, version: 1, problem: 'content does not match its hash', found: intake[1].metadata.hash });
    expect(verdictText(verdict, 'x.ndjson')).toContain(`NOT VERIFIED x.ndjson: line 4: content does not match its hash`);
  });

  it('names the link where an event was removed', async () => {
    const lines = linesOf(await written('ndjson'));
    lines.splice(3, 1);
    expect(verifyExport(joined(lines), publicKeys)).toMatchObject({ ok: false, line: 5, stream: `client-intake/account-${ACCOUNT}`, version: 2, expected: '1', found: '2' });
  });

  it('refuses an export whose last event was removed, which no stream chain can see, by the running hash', async () => {
    const lines = linesOf(await written('ndjson'));
    lines.splice(5, 1);
    const verdict = verifyExport(joined(lines), publicKeys);
    expect(verdict).toMatchObject({ ok: false, line: 6, problem: expect.stringContaining('the running hash of the lines is not the signed final hash') });
  });

  it('refuses lines of different streams put in another order, which every stream chain still accepts', async () => {
    const lines = linesOf(await written('ndjson'));
    [lines[1], lines[2]] = [lines[2], lines[1]];
    const verdict = verifyExport(joined(lines), publicKeys);
    expect(verdict).toMatchObject({ ok: false, line: 7, problem: expect.stringContaining('the running hash of the lines is not the signed final hash') });
  });

  it('names the stream and version when events of one stream change places', async () => {
    const lines = linesOf(await written('ndjson'));
    [lines[1], lines[3]] = [lines[3], lines[1]];
    expect(verifyExport(joined(lines), publicKeys)).toMatchObject({ ok: false, line: 2, stream: `client-intake/account-${ACCOUNT}`, problem: 'the stream does not start at version 0', found: '1' });
  });

  it('refuses a signature made with another key, naming the key that signed', async () => {
    const otherKeys = [keyOf(generateKeyPairSync('ed25519').publicKey)];
    const verdict = verifyExport(await written('ndjson'), otherKeys);
    expect(verdict).toMatchObject({ ok: false, line: 7, problem: expect.stringContaining(`bad signature: signed by key ${agencyKey.keyId}`) });
  });

  it('refuses a re-signed final hash that the agency did not sign', async () => {
    const lines = linesOf(await written('ndjson'));
    const signature = JSON.parse(lines[6]) as { signature: string };
    const forged = Buffer.from(signature.signature, 'base64url');
    forged[0] ^= 1;
    lines[6] = JSON.stringify({ ...signature, signature: forged.toString('base64url') });
    expect(verifyExport(joined(lines), publicKeys)).toMatchObject({ ok: false, line: 7, problem: 'bad signature: the final hash was not signed by this key' });
  });

  it('refuses an export cut short before its signature line', async () => {
    const lines = linesOf(await written('ndjson'));
    expect(verifyExport(joined(lines.slice(0, 4)), publicKeys)).toMatchObject({ ok: false, line: 5, problem: expect.stringContaining('no signature line') });
  });

  it('refuses a CSV row whose readable column was edited, naming the column', async () => {
    const rows = (await written('csv')).split('\r\n');
    rows[2] = rows[2].replace(',client-intake,', ',payments,');
    expect(verifyExport(rows.join('\r\n'), publicKeys)).toMatchObject({ ok: false, line: 3, problem: "column service disagrees with the row's json record", expected: 'client-intake', found: 'payments' });
  });

  it('reads a file or a stream in pieces split anywhere, quotes, CRLF and line feeds included, to the same verdict', async () => {
    for (const format of ['ndjson', 'csv'] as const) {
      const text = await written(format);
      const whole = verifyExport(text, publicKeys);
      expect(whole.ok).toBe(true);
      for (const size of [1, 7, 64]) {
        const pieces = Array.from({ length: Math.ceil(text.length / size) }, (_, index) => text.slice(index * size, (index + 1) * size));
        expect(verifyExportChunks(pieces, publicKeys)).toEqual(whole);
      }
      const file = join(mkdtempSync(join(tmpdir(), 'export-')), `export.${format}`);
      writeFileSync(file, text);
      expect(verifyExportFile(file, publicKeys)).toEqual(whole);
    }
  });
});
