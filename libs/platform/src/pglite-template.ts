import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createPgliteEventStore } from '@lib/event-store';

/**
 * Gives an empty PGlite data folder a copy of an initialized, cleanly closed, empty
 * cluster instead of letting PGlite run `initdb` in WebAssembly, which takes seconds per
 * folder. The all-in-one's template is made by `npm run build`, with every schema an
 * empty all-in-one creates (apps/all-in-one/src/embedded-template.ts); should it be
 * missing, the first start that needs one makes a bare cluster (`initdb` and the default
 * event-store schema). A folder that already holds anything is left alone.
 *
 * Both the template and the seeded folder appear by a rename of a finished copy, so an
 * interrupted start leaves no half-made cluster behind.
 */
export async function seedPgliteDataDir(dataDir: string, templateDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return;
  await ensurePgliteTemplate(templateDir);
  const copy = `${dataDir}.seeding-${process.pid}`;
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(dirname(dataDir), { recursive: true });
  cpSync(templateDir, copy, { recursive: true });
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(copy, dataDir);
}

/**
 * Makes the template in `templateDir` unless a cluster is there. `makeCluster` is given a
 * scratch folder of its own (removed afterwards) and returns the folder, inside it, of the
 * finished and closed cluster; by default a bare cluster.
 */
export async function ensurePgliteTemplate(templateDir: string, makeCluster: (scratch: string) => Promise<string> = bareCluster): Promise<void> {
  if (isCluster(templateDir)) return;
  mkdirSync(dirname(templateDir), { recursive: true });
  const scratch = mkdtempSync(`${templateDir}.making-`);
  try {
    const cluster = await makeCluster(scratch);
    if (!isCluster(cluster)) throw new Error(`no PostgreSQL cluster was made in ${cluster}`);
    // Another process starting at the same moment may have finished first: keep its copy.
    if (!isCluster(templateDir)) {
      rmSync(templateDir, { recursive: true, force: true });
      renameSync(cluster, templateDir);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function isCluster(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

async function bareCluster(scratch: string): Promise<string> {
  const cluster = join(scratch, 'cluster');
  mkdirSync(cluster);
  const store = await createPgliteEventStore({ dataDir: cluster });
  await store.close();
  return cluster;
}
