import type { MessageBus } from '@lib/message-bus';
import { GenerationalReadModelStore, ReadModelStore } from '@lib/read-models';
import { REPORTING_PROJECTIONS } from '../../read-models/reporting.queries';
import { REPORTING } from '../../reporting.dependencies';

/**
 * Rebuilds reporting's read models from scratch, from the topics: forgets where reporting's
 * consumer group stands, then empties every reporting collection (checkpoints included).
 * When reporting starts next, it reads every topic from the start and projects it again,
 * through the same code as live events. Kafka keeps the topics whole for this (the bus
 * creates them with `retention.ms=-1`).
 *
 * Run it while reporting is stopped: the group reset is refused while reporting consumes,
 * and nothing is emptied then. Safe to run again after a failure halfway: both steps are
 * idempotent.
 */
export async function rebuildReportingReadModels(bus: MessageBus, readModels: ReadModelStore): Promise<string[]> {
  await bus.resetGroup(REPORTING);
  const collections = REPORTING_PROJECTIONS.map((projection) => projection.name);
  // Each collection's current generation (after a live rebuild, not the first one) is emptied.
  const generations = await GenerationalReadModelStore.open(readModels, collections);
  for (const collection of collections) await generations.reset(collection);
  return collections;
}
