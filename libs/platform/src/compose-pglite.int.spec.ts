import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { loadConfig } from '@lib/config';
import { createPgliteEventStore } from '@lib/event-store';
import { composeProcess, ServiceDefinition } from './compose';

@Module({})
class NothingModule {}

const service = (name: string): ServiceDefinition => ({ name, create: async () => ({ module: NothingModule }) });
const SERVICES = [service('svc-a'), service('svc-b')];
const event = () => ({ type: 'Noted', data: { n: 1 }, metadata: { eventId: randomUUID(), principal: { role: 'system' as const, id: 't' }, correlationId: 'c', causationId: 'c', occurredAt: new Date(0).toISOString() } });

describe('the services of one process on PGlite', () => {
  let dataDir: string;
  const compose = () =>
    composeProcess(loadConfig('all-in-one', { PGLITE_DATA_DIR: dataDir, STAFF_TOKEN_SECRET: randomBytes(32).toString('base64url') }, { port: 0 }), SERVICES, { title: 'compose', quiet: true });

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'compose-pglite-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('share one cluster on disk, a schema each: streams stay apart and outlive a restart', async () => {
    const first = await compose();
    await first.stores.get('svc-a')!.appendToStream('s-1', [event()], { expectedVersion: 'no_stream' });
    await first.close();
    expect(existsSync(join(dataDir, 'shared', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir, 'svc-a'))).toBe(false);

    const again = await compose();
    expect((await again.stores.get('svc-a')!.readStream('s-1')).map((e) => e.type)).toEqual(['Noted']);
    expect(await again.stores.get('svc-b')!.readStream('s-1')).toEqual([]);
    await again.close();
  }, 120_000);

  it('keep the folder per service that an earlier version laid out, so no history is left behind', async () => {
    const earlier = await createPgliteEventStore({ dataDir: join(dataDir, 'svc-a') });
    await earlier.appendToStream('s-1', [event()], { expectedVersion: 'no_stream' });
    await earlier.close();

    const composed = await compose();
    expect((await composed.stores.get('svc-a')!.readStream('s-1')).map((e) => e.type)).toEqual(['Noted']);
    await composed.close();
    expect(existsSync(join(dataDir, 'shared'))).toBe(false);
  }, 120_000);
});
