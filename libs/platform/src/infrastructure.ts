import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { AppConfig, InfrastructureConfig } from '@lib/config';
import { Clock, systemClock, TestClock } from '@lib/clock';
import { DurableScheduler } from '@lib/scheduler';
import { CheckpointStore, createEventStoreDbEventStore, createPgliteEventStore, createPostgresEventStore, EventStore } from '@lib/event-store';
import { processForeground, withTopicPrefix } from '@lib/integration';
import { createInProcessMessageBus, createKafkaMessageBus, MessageBus } from '@lib/message-bus';
import { seedPgliteDataDir } from './pglite-template';
import type { PGlite } from '@electric-sql/pglite';
import { createInMemoryReadModelStore, createMongoReadModelStore, createPgliteReadModelStore, ReadModelStore } from '@lib/read-models';

/**
 * The composition roots' one place that turns configuration into adapters.
 * `pgliteTemplateDir`: where an empty PGlite cluster is kept to seed empty data folders
 * (see seedPgliteDataDir); without it PGlite initializes each folder itself.
 */
export async function createEventStore(
  config: InfrastructureConfig['eventStore'],
  options: { pgliteTemplateDir?: string } = {},
): Promise<EventStore & CheckpointStore> {
  switch (config.kind) {
    case 'postgres':
      return createPostgresEventStore({ connectionString: config.url, schema: config.schema });
    case 'pglite':
      if (config.dataDir && options.pgliteTemplateDir) await seedPgliteDataDir(config.dataDir, options.pgliteTemplateDir);
      if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
      return createPgliteEventStore({ dataDir: config.dataDir });
    case 'eventstoredb':
      return createEventStoreDbEventStore({ connectionString: config.url });
  }
}

export function createMessageBus(config: InfrastructureConfig['messageBus'], topicPrefix: string): MessageBus {
  const bus =
    config.kind === 'kafka'
      ? createKafkaMessageBus({ brokers: config.brokers, clientId: config.clientId })
      : // Consumers in this process wait for its foreground work, as its relays do (ServiceRuntime).
        createInProcessMessageBus({ waitForTurn: () => processForeground.whenIdle() });
  return withTopicPrefix(bus, topicPrefix);
}

/**
 * `embedded`: for `pglite`, the process's embedded database (`ProcessContext.embeddedDatabase`)
 * and the schema the service keeps its read models in.
 */
export async function createReadModelStore(
  config: InfrastructureConfig['readModels'],
  embedded: { db?: PGlite; schema?: string } = {},
): Promise<ReadModelStore> {
  switch (config.kind) {
    case 'mongo':
      return createMongoReadModelStore({ url: config.url });
    case 'pglite':
      if (!embedded.db) throw new Error('READ_MODELS=pglite: this process has no embedded PGlite (it needs EVENT_STORE=pglite)');
      return createPgliteReadModelStore({ db: embedded.db, schema: embedded.schema });
    case 'memory':
      return createInMemoryReadModelStore();
  }
}

/**
 * Time for a process. In `CLOCK=test` mode the clock only moves through the admin
 * test-clock endpoint, which also runs every scheduler at once, so end-to-end tests
 * move time instead of sleeping.
 */
export interface ClockControl {
  clock: Clock;
  testClock?: TestClock;
  schedulers: Set<DurableScheduler>;
}

/** Where a test clock starts: a Monday, 10:00 in New York, inside every contact window. */
export const TEST_CLOCK_START = '2026-01-05T15:00:00.000Z';

export function createClockControl(config: Pick<AppConfig, 'clock'>): ClockControl {
  if (config.clock === 'test') {
    const testClock = new TestClock(TEST_CLOCK_START);
    return { clock: testClock, testClock, schedulers: new Set() };
  }
  return { clock: systemClock, schedulers: new Set() };
}

export const newId = (): string => randomUUID();
