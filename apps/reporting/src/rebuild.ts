import 'reflect-metadata';
import { createMessageBus, createReadModelStore } from '@lib/platform';
import { rebuildReportingReadModels } from './application/rebuild-read-models/rebuild-read-models';
import { loadReportingConfig } from './reporting.config';

/**
 * `npm run rebuild:reporting`, with reporting stopped and the environment reporting runs
 * with: empties its read models and rewinds its consumer group, so that its next start
 * projects every topic again from the start (docs/reporting.md, "Rebuilding").
 */
async function main(): Promise<void> {
  const config = loadReportingConfig();
  if (config.readModels.kind === 'memory' || config.messageBus.kind === 'in-process') {
    process.stdout.write('Nothing to rebuild: in-memory read models and an in-process bus are rebuilt at every start.\n');
    return;
  }
  const bus = createMessageBus(config.messageBus, config.topicPrefix);
  const readModels = await createReadModelStore(config.readModels);
  try {
    const collections = await rebuildReportingReadModels(bus, readModels);
    process.stdout.write(`Emptied ${collections.join(', ')} and rewound the reporting consumer group; start reporting to project every topic again.\n`);
  } finally {
    await Promise.allSettled([bus.close(), readModels.close()]);
  }
}

main().catch((error) => {
  process.stderr.write(`rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
