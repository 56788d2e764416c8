import { Backoff, backoffDelayMs, errorFields, jsonLineLog, LogSink } from '@lib/scheduler';
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
  /** Pause after a failed round before the next: doubles per failure in a row. Default 100 ms up to 30 s. */
  retryBackoff?: Backoff;
  /** Where failures go. Default: one JSON line each on stderr. */
  log?: LogSink;
}

const DEFAULT_RETRY_BACKOFF: Backoff = { initialMs: 100, maxMs: 30_000 };

/** Where a round stood when it failed, for the log line. */
type Whereabouts = Record<string, string | number | null>;

/**
 * The outbound half of "nothing lost, nothing invented": reads the event store after
 * its checkpoint, publishes what the gateway maps, and only then saves the checkpoint.
 * Only persisted events are ever published. A crash after publishing and before the
 * checkpoint republishes that batch on restart: duplicates are possible, losses are not,
 * and consumers drop the duplicates (message id = event id).
 *
 * A failing round (store, gateway, encoding, bus) publishes nothing past the failure and
 * leaves the checkpoint where it was; `start()`'s loop logs it with where it stood and
 * retries after a pause that grows while the failures go on.
 */
export class Relay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly batchSize: number;
  private readonly retryBackoff: Backoff;
  private readonly log: LogSink;
  private whereabouts: Whereabouts = {};

  constructor(private readonly options: RelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.retryBackoff = options.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
    this.log = options.log ?? jsonLineLog;
  }

  /** Relays everything stored so far; returns how many events it read. Runs never overlap. */
  drain(): Promise<number> {
    this.running ??= this.relayAll().finally(() => (this.running = undefined));
    return this.running;
  }

  start(intervalMs = 50): void {
    let failures = 0;
    const loop = async () => {
      let pause = intervalMs;
      try {
        await this.drain();
        failures = 0;
      } catch (error) {
        failures += 1;
        pause = backoffDelayMs(failures, this.retryBackoff);
        this.log({
          level: 'error',
          source: 'relay',
          msg: 'relay round failed; retrying from the checkpoint',
          relay: this.options.name,
          ...this.whereabouts,
          failures,
          retryInMs: pause,
          ...errorFields(error),
        });
      }
      if (this.timer) this.timer = setTimeout(loop, pause);
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
      this.whereabouts = { after: position(after) };
      const batch = await store.readAll({ after, limit: this.batchSize });
      if (batch.length === 0) return read;
      const messages = batch.flatMap((event) => {
        this.whereabouts = { after: position(after), streamId: event.streamId, version: event.version, globalPosition: position(event.globalPosition) };
        return gateway(event);
      });
      const last = batch[batch.length - 1].globalPosition;
      this.whereabouts = { after: position(after), fromPosition: position(batch[0].globalPosition), toPosition: position(last) };
      if (messages.length > 0) await bus.publish(messages);
      after = last;
      await checkpoints.save(name, after);
      read += batch.length;
    }
  }
}

/** Positions are bigints, which JSON cannot carry: logged as strings. */
function position(value: bigint | undefined): string | null {
  return value === undefined ? null : String(value);
}
