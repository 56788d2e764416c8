import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createPgliteEventStore } from '@lib/event-store';

/**
 * Gives an empty PGlite data folder a copy of an initialized, cleanly closed, empty
 * cluster instead of letting PGlite run `initdb` in WebAssembly, which takes seconds per
 * folder (the all-in-one process has five). The template is made once, by the first
 * start that needs it, with the same PGlite and the same migration as the stores; a
 * folder that already holds anything is left alone.
 *
 * Both the template and the seeded folder appear by a rename of a finished copy, so an
 * interrupted start leaves no half-made cluster behind.
 */
export async function seedPgliteDataDir(dataDir: string, templateDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return;
  if (!isCluster(templateDir)) await makeTemplate(templateDir);
  const copy = `${dataDir}.seeding-${process.pid}`;
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(dirname(dataDir), { recursive: true });
  cpSync(templateDir, copy, { recursive: true });
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(copy, dataDir);
}

function isCluster(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

async function makeTemplate(templateDir: string): Promise<void> {
  const scratch = `${templateDir}.making-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const store = await createPgliteEventStore({ dataDir: scratch });
  await store.close();
  // Another process starting at the same moment may have finished first: keep its copy.
  if (isCluster(templateDir)) rmSync(scratch, { recursive: true, force: true });
  else {
    rmSync(templateDir, { recursive: true, force: true });
    renameSync(scratch, templateDir);
  }
}
