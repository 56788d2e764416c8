import { generateKeyPairSync } from 'node:crypto';
import type { EventRecord } from '@lib/contracts/audit/history-export.format';
import { AgencySigningKey } from './agency-signing-key';
import { historyExport } from './history-export';

const key = new AgencySigningKey(generateKeyPairSync('ed25519').privateKey);

describe('writing a history export', () => {
  it('sends its header before reading any account, and reads one account at a time as the lines are taken', async () => {
    const read: string[] = [];
    const eventOf = (accountId: string): EventRecord => ({
      record: 'event',
      service: 'client-intake',
      accountId,
      streamId: `account-${accountId}`,
      version: 0,
      type: 'AccountPlaced',
      data: {},
      metadata: { eventId: `e-${accountId}`, principal: { role: 'client', id: 'client-1' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-06-01T00:00:00.000Z', previousHash: '0'.repeat(64), hash: '1'.repeat(64) },
    });
    async function* accounts(): AsyncGenerator<EventRecord[]> {
      for (const accountId of ['a-1', 'a-2']) {
        read.push(accountId);
        yield [eventOf(accountId)];
      }
    }
    const lines = historyExport('ndjson', 'client', 'client-1', new Date('2026-06-01T00:00:00.000Z'), accounts(), key).lines[Symbol.asyncIterator]();
    const header = await lines.next();
    expect(JSON.parse(header.value as string)).toMatchObject({ record: 'header', scope: 'client', subject: 'client-1', exportedAt: '2026-06-01T00:00:00.000Z' });
    expect(read).toEqual([]);
    expect(JSON.parse((await lines.next()).value as string)).toMatchObject({ accountId: 'a-1' });
    expect(read).toEqual(['a-1']);
    expect(JSON.parse((await lines.next()).value as string)).toMatchObject({ accountId: 'a-2' });
    expect(read).toEqual(['a-1', 'a-2']);
    const signature = await lines.next();
    expect(JSON.parse(signature.value as string)).toMatchObject({ record: 'signature', lines: 3, events: 2, keyId: key.keyId });
    expect((await lines.next()).done).toBe(true);
  });

  it('names the file and media type of each form, the CSV form starting with its column header', async () => {
    async function* none(): AsyncGenerator<EventRecord[]> {}
    const csv = historyExport('csv', 'account', 'acc-1', new Date('2026-06-01T00:00:00.000Z'), none(), key);
    expect({ contentType: csv.contentType, filename: csv.filename }).toEqual({ contentType: 'text/csv', filename: 'account-acc-1-history.csv' });
    const first = await csv.lines[Symbol.asyncIterator]().next();
    expect(first.value).toBe('record,service,accountId,streamId,version,type,eventId,occurredAt,actorRole,actorId,previousHash,hash,json\r\n');
  });
});
