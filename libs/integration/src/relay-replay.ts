import type { InfrastructureConfig } from '@lib/config';
import type { CheckpointStore } from '@lib/event-store';
import { relayCheckpointName, relayConsumedCheckpointName } from './service-runtime';

/** The parts of a process's configuration that decide whether its relays' checkpoints hold. */
export type ReplayInputs = Pick<InfrastructureConfig, 'readModels' | 'messageBus'>;

/**
 * Where a relay starts after a process start:
 * - `from-the-start`: in-memory read models start empty, so reporting needs every fact again;
 * - `from-last-consumed`: an in-process bus keeps messages in memory, so a crash after the
 *   relay saved its checkpoint and before a consumer handled the message loses it with the
 *   process; the relay goes back to the last position every consumer was known to have
 *   handled (see `ConsumptionTracker`), or to the start when it has none;
 * - `from-checkpoint`: Kafka keeps what was published, and the read models are kept too.
 * Replaying is safe either way: consumers drop what they already applied (dedupe by
 * causation, read models by source version).
 */
export type RelayStart = 'from-the-start' | 'from-last-consumed' | 'from-checkpoint';

export function relayStart(infra: ReplayInputs): RelayStart {
  if (infra.readModels.kind === 'memory') return 'from-the-start';
  if (infra.messageBus.kind === 'in-process') return 'from-last-consumed';
  return 'from-checkpoint';
}

/** Whether relays republish anything at start (everything, or the tail since the last consumed position). */
export function relaysMustReplay(infra: ReplayInputs): boolean {
  return relayStart(infra) !== 'from-checkpoint';
}

/**
 * Moves every service's relay checkpoint back to where `relayStart` says: -1 (before the
 * first event) or the service's last consumed position (-1 when it has none). Returns
 * whether it moved any. Call it before any relay starts.
 */
export async function rewindRelaysOnStart(infra: ReplayInputs, stores: ReadonlyMap<string, CheckpointStore>): Promise<boolean> {
  const start = relayStart(infra);
  if (start === 'from-checkpoint') return false;
  for (const [service, store] of stores) {
    const consumed = start === 'from-last-consumed' ? await store.load(relayConsumedCheckpointName(service)) : null;
    await store.save(relayCheckpointName(service), consumed ?? -1n);
  }
  return true;
}
