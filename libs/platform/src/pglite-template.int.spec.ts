import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventToAppend } from '@lib/es-core';
import { createEventStore } from './infrastructure';
import { ensurePgliteTemplate } from './pglite-template';

describe('PGlite data folders seeded from one empty cluster (all-in-one start)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pglite-template-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const open = (service: string) =>
    createEventStore({ kind: 'pglite', dataDir: join(root, 'data', service) }, { pgliteTemplateDir: join(root, 'template') });

  it('makes the template once, and each seeded folder is its own store that keeps its events', async () => {
    const payments = await open('payments');
    expect(existsSync(join(root, 'template', 'PG_VERSION'))).toBe(true);
    const reporting = await open('reporting');
    await payments.appendToStream('ledger-1', [anEvent()], { expectedVersion: 'no_stream' });
    expect(await reporting.readStream('ledger-1')).toEqual([]);
    await payments.close();
    await reporting.close();

    const reopened = await open('payments');
    try {
      expect((await reopened.readStream('ledger-1')).map((event) => event.type)).toEqual(['PaymentPosted']);
    } finally {
      await reopened.close();
    }
  });

  it('leaves neither a template nor its scratch folder behind when making the cluster fails', async () => {
    const template = join(root, 'template');
    await expect(ensurePgliteTemplate(template, async () => Promise.reject(new Error('initdb failed')))).rejects.toThrow('initdb failed');
    await expect(ensurePgliteTemplate(template, async (scratch) => scratch)).rejects.toThrow(/no PostgreSQL cluster/);
    expect(readdirSync(root)).toEqual([]);
  });
});

function anEvent(): EventToAppend {
  return {
    type: 'PaymentPosted',
    data: { amount: 100 },
    metadata: { eventId: randomUUID(), principal: { role: 'system', id: 'test' }, correlationId: 'corr', causationId: randomUUID(), occurredAt: '2026-04-01T00:00:00.000Z' },
  };
}
