import type { InfrastructureConfig } from '@lib/config';
import type { CheckpointStore } from '@lib/event-store';
import { relayCheckpointName } from './service-runtime';

/** The parts of a process's configuration that decide whether its relays' checkpoints hold. */
export type ReplayInputs = Pick<InfrastructureConfig, 'readModels' | 'messageBus'>;

/**
 * A relay's checkpoint says "published", which is only as good as what kept the message:
 * - an in-process bus keeps messages in memory, so a crash after the relay saved its
 *   checkpoint and before a consumer handled the message loses it with the process;
 * - in-memory read models start empty, so reporting needs every fact again.
 * Either way the relays republish everything at start, and consumers drop what they
 * already applied (dedupe by causation, read models by source version). Only Kafka with
 * kept read models can trust the checkpoints.
 */
export function relaysMustReplay(infra: ReplayInputs): boolean {
  return infra.messageBus.kind === 'in-process' || infra.readModels.kind === 'memory';
}

/**
 * Rewinds every service's relay checkpoint to "before the first event" (-1) when
 * `relaysMustReplay`; returns whether it did. Call it before any relay starts.
 */
export async function rewindRelaysOnStart(infra: ReplayInputs, stores: ReadonlyMap<string, CheckpointStore>): Promise<boolean> {
  if (!relaysMustReplay(infra)) return false;
  for (const [service, store] of stores) await store.save(relayCheckpointName(service), -1n);
  return true;
}
