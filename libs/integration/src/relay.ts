import { RecordedEvent } from '@lib/es-core';
import type { CheckpointStore, EventStore } from '@lib/event-store';
import type { MessageBus, OutgoingMessage } from '@lib/message-bus';

/** Maps a stored domain event to the integration messages it publishes (often none). */
export type Gateway = (event: RecordedEvent) => OutgoingMessage[];

export interface RelayOptions {
  /** Checkpoint name; one relay per service. */
  name: string;
  store: EventStore;
  checkpoints: CheckpointStore;
  bus: MessageBus;
  gateway: Gateway;
  batchSize?: number;
}

/**
 * The outbound half of "nothing lost, nothing invented": reads the event store after
 * its checkpoint, publishes what the gateway maps, and only then saves the checkpoint.
 * Only persisted events are ever published. A crash after publishing and before the
 * checkpoint republishes that batch on restart: duplicates are possible, losses are not,
 * and consumers drop the duplicates (message id = event id).
 */
export class Relay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly batchSize: number;

  constructor(private readonly options: RelayOptions) {
    this.batchSize = options.batchSize ?? 500;
  }

  /** Relays everything stored so far; returns how many events it read. Runs never overlap. */
  drain(): Promise<number> {
    this.running ??= this.relayAll().finally(() => (this.running = undefined));
    return this.running;
  }

  start(intervalMs = 50): void {
    const loop = async () => {
      try {
        await this.drain();
      } catch {
        // the next round retries from the checkpoint
      }
      if (this.timer) this.timer = setTimeout(loop, intervalMs);
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = undefined;
    if (timer) clearTimeout(timer);
    await this.running?.catch(() => undefined);
  }

  private async relayAll(): Promise<number> {
    const { store, checkpoints, bus, gateway, name } = this.options;
    let after = (await checkpoints.load(name)) ?? undefined;
    let read = 0;
    for (;;) {
      const batch = await store.readAll({ after, limit: this.batchSize });
      if (batch.length === 0) return read;
      const messages = batch.flatMap(gateway);
      if (messages.length > 0) await bus.publish(messages);
      after = batch[batch.length - 1].globalPosition;
      await checkpoints.save(name, after);
      read += batch.length;
    }
  }
}
