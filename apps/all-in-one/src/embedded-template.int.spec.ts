import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite, createPgliteEventStore, tableCommentStatement } from '@lib/event-store';
import { createPgliteReadModelStore } from '@lib/read-models';
import { ALL_SERVICES } from './all-in-one.services';
import { makeEmbeddedTemplate } from './embedded-template';

/** The comment a schema's last migration left on its checkpoints table (its fingerprint). */
async function fingerprint(db: PGlite, schema: string): Promise<string | null> {
  const comment = tableCommentStatement(`"${schema}".checkpoints`);
  const { rows } = await db.query<{ fingerprint: string | null }>(comment.text, comment.values);
  return rows[0].fingerprint;
}

describe("the all-in-one's empty cluster, made by the build", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'embedded-template-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("holds every service's event-store and read-model schema as this version migrates them, and no event", async () => {
    await makeEmbeddedTemplate(join(root, 'template'));
    // The scratch data folder (with the demo keys the services wrote) is gone; only the cluster is left.
    expect(readdirSync(root)).toEqual(['template']);
    expect(existsSync(join(root, 'template', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(root, 'template', 'agency-signing-key.pem'))).toBe(false);

    // What a start would compare its fingerprints with: the same schemas migrated afresh.
    const fresh = createPglite();
    const template = createPglite(join(root, 'template'));
    try {
      const eventStoreSchemas = ALL_SERVICES.map((service) => `es_${service.name.replace(/-/g, '_')}`);
      for (const schema of eventStoreSchemas) {
        await createPgliteEventStore({ db: fresh, schema });
        expect({ schema, fingerprint: await fingerprint(template, schema) }).toEqual({ schema, fingerprint: await fingerprint(fresh, schema) });
        expect((await template.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".events`)).rows).toEqual([{ n: 0 }]);
      }
      for (const schema of ['rm_reporting', 'rm_debtor_contact']) {
        await (await createPgliteReadModelStore({ db: fresh, schema })).close();
        expect({ schema, fingerprint: await fingerprint(template, schema) }).toEqual({ schema, fingerprint: await fingerprint(fresh, schema) });
      }
      expect(await fingerprint(template, 'es_payments')).toMatch(/^event-store migration [0-9a-f]{64}$/);
    } finally {
      await template.close();
      await fresh.close();
    }
  });

  it('is left as it is when it exists', async () => {
    const made = readdirSync(join(root, 'template', 'base'));
    await makeEmbeddedTemplate(join(root, 'template'));
    expect(readdirSync(join(root, 'template', 'base'))).toEqual(made);
    expect(readdirSync(root)).toEqual(['template']);
  });
});
