/**
 * Smoke test: PGlite (in-process PostgreSQL, no server) persists to a folder and reads
 * the data back after being closed and reopened.
 *
 * Gotcha: PGlite's CommonJS build loads `fs`, `zlib`... with dynamic `import()`, which
 * jest's module sandbox refuses unless node runs with --experimental-vm-modules
 * (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG, and the whole jest process dies). So this
 * test loads PGlite with node's own `require`, outside the sandbox; it then works with or
 * without that flag. See docs/infrastructure.md.
 */
import type * as PGliteModule from '@electric-sql/pglite';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Jest hands tests its own `module` (whose createRequire loads into the sandbox);
// process.getBuiltinModule (node >= 20.16) gives node's real one.
const nodeModule = process.getBuiltinModule('node:module') as typeof import('node:module');
const { PGlite } = nodeModule.createRequire(__filename)('@electric-sql/pglite') as typeof PGliteModule;

describe('PGlite smoke', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pglite-smoke-'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('persists to a folder and reads back after reopening', async () => {
    const first = new PGlite(dataDir);
    await first.exec(`
      create table events (seq bigserial primary key, stream text not null, body jsonb not null);
      insert into events (stream, body) values ('debtor-1', '{"type":"Opened"}'), ('debtor-1', '{"type":"Paid","cents":500}');
    `);
    await first.transaction(async (tx) => {
      await tx.query('insert into events (stream, body) values ($1, $2)', ['debtor-2', { type: 'Opened' }]);
    });
    await first.close();
    expect(readdirSync(dataDir)).toContain('PG_VERSION');

    const second = new PGlite(dataDir);
    try {
      const { rows } = await second.query<{ seq: number; stream: string; type: string }>(
        `select seq::int as seq, stream, body->>'type' as type from events order by seq`,
      );
      expect(rows).toEqual([
        { seq: 1, stream: 'debtor-1', type: 'Opened' },
        { seq: 2, stream: 'debtor-1', type: 'Paid' },
        { seq: 3, stream: 'debtor-2', type: 'Opened' },
      ]);
    } finally {
      await second.close();
    }
  });
});
