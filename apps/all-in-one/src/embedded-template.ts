import 'reflect-metadata';
import { join } from 'node:path';
import { composeProcess, ensurePgliteTemplate } from '@lib/platform';
import { ALL_SERVICES } from './all-in-one.services';
import { loadAllInOneConfig, PGLITE_TEMPLATE_DIR } from './all-in-one.config';

/**
 * Makes the all-in-one's empty cluster (`PGLITE_TEMPLATE_DIR`) as an empty all-in-one
 * leaves it: the process composed on a scratch data folder (PGlite's `initdb`, then every
 * service's event-store schema and read-model schema, with their migrations' fingerprints)
 * and closed before it ever started its runtimes: no event and no read-model document is in
 * it, only the relays' checkpoints at -1 that every start writes when it rewinds them. A start
 * on an empty data folder copies it and finds nothing to create (docs/benchmarks.md,
 * "Start and idle memory: the empty cluster made by the build").
 */
export async function makeEmbeddedTemplate(templateDir = PGLITE_TEMPLATE_DIR): Promise<void> {
  await ensurePgliteTemplate(templateDir, async (scratch) => {
    // Only the data folder: nothing of the caller's environment (a MONGO_URL, a broker) may shape the template.
    const config = loadAllInOneConfig({ PGLITE_DATA_DIR: scratch });
    const composed = await composeProcess(config, ALL_SERVICES, { title: 'all-in-one template', quiet: true });
    await composed.close();
    return join(scratch, 'shared');
  });
}

// `node dist/apps/all-in-one/src/embedded-template.js`, as deploy/runtime/build.js runs it.
if (require.main === module) {
  makeEmbeddedTemplate().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
