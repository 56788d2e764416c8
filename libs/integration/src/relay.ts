import { Clock, systemClock } from '@lib/clock';
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
  /** Judges how long ago the relay last made progress. Default: the system clock (real time, also under a test clock). */
  wallClock?: Clock;
  /**
   * On a bus that forgets on a crash (in-process): at the start of each round, when
   * `allConsumed()` says every consumer has handled everything published so far, the
   * relay's checkpoint is also saved under `name`. A restart goes back there instead of to
   * the start (see `rewindRelaysOnStart`).
   */
  consumed?: { name: string; allConsumed: () => Promise<boolean> };
  /**
   * Resolves when the relay may run its next round (`start()`'s loop waits on it before
   * each): the process's foreground work first (see `ForegroundWork`). Waiting is not being
   * stuck: `health` does not count it.
   */
  waitForTurn?: () => Promise<void>;
}

/** How far behind the relay is, and whether it is stuck (see {@link Relay.health}). */
export interface RelayHealth {
  /** Stored events after the checkpoint, counted up to `LAG_COUNT_LIMIT`. */
  lag: number;
  /** Time since the relay last saved its checkpoint or found nothing to publish, in ms. */
  sinceProgressMs: number;
  failuresInARow: number;
  stuck: boolean;
}

/** Relay lag is counted by reading the events after the checkpoint: at most this many. */
export const LAG_COUNT_LIMIT = 10_000;

const DEFAULT_RETRY_BACKOFF: Backoff = { initialMs: 100, maxMs: 30_000 };

/**
 * Longest wait between two rounds when no wake-up came. Wake-ups carry the latency; this
 * only bounds how late a lost notification makes a message, at the cost of one read a second.
 */
export const DEFAULT_FALLBACK_INTERVAL_MS = 1_000;

/**
 * On a bus that forgets on a crash (the relay has `consumed`), a start rewinds the relay's
 * checkpoint to the last consumed position whatever it says (`rewindRelaysOnStart`), so
 * while `start()`'s loop runs the relay keeps its position in memory and saves it at most
 * this often, and when it stops: one statement a second instead of one per round, which
 * in the all-in-one was a checkpoint save per event appended. "At most" is a rate, not a
 * licence to wait: a position left unsaved is saved once this long has passed since the
 * last save, by the next round that publishes or finds nothing more (the loop runs one for
 * it when idle), so the stored checkpoint trails what was published by about this long.
 */
export const DEFERRED_SAVE_INTERVAL_MS = 1_000;

/** Where a round stood when it failed, for the log line. */
type Whereabouts = Record<string, string | number | null>;

/**
 * The outbound half of "nothing lost, nothing invented": reads the event store after
 * its checkpoint, publishes what the gateway maps, and only then saves the checkpoint.
 * Only persisted events are ever published. A crash after publishing and before the
 * checkpoint republishes that batch on restart: duplicates are possible, losses are not,
 * and consumers drop the duplicates (message id = event id).
 *
 * Rounds run when the store signals a commit, with a slow poll as the fallback (see
 * `start()`); a wake-up only starts a round, which reads from the checkpoint as always, so
 * a lost, late or doubled signal changes when a message goes out, never what or in which order.
 *
 * A failing round (store, gateway, encoding, bus) publishes nothing past the failure and
 * leaves the checkpoint where it was; `start()`'s loop logs it with where it stood and
 * retries after a pause that grows while the failures go on.
 */
export class Relay {
  private loop: Promise<void> | undefined;
  private stopping = false;
  private woken = false;
  private wakeSleeper: (() => void) | null = null;
  private endSleep: (() => void) | null = null;
  /** The position the last round found nothing after: where a wake-up subscription starts. */
  private caughtUpAt: bigint | undefined;
  private running: Promise<number> | undefined;
  /**
   * While `start()`'s loop runs, the relay is the only writer of its checkpoint, so a round
   * starts from what the last one saved instead of loading it again. Forgotten on a failed
   * round and on stop(): those reload.
   */
  private lastSaved: { after: bigint | undefined } | null = null;
  private readonly batchSize: number;
  private readonly retryBackoff: Backoff;
  private readonly log: LogSink;
  private whereabouts: Whereabouts = {};
  private readonly wallClock: Clock;
  /** When the relay last saved its checkpoint or found itself caught up; its creation before that. */
  private lastProgressAt: Date;
  private failuresInARow = 0;
  /** The last position saved as consumed by this instance: saved again only when it moves. */
  private consumedAt: bigint | undefined;
  /** A position published but not saved yet (see {@link DEFERRED_SAVE_INTERVAL_MS}), and when the relay last saved. */
  private unsaved: bigint | undefined;
  private lastSaveAt = 0;
  /** Held by `waitForTurn`: behind by choice, not stuck. */
  private waiting = false;

  constructor(private readonly options: RelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.retryBackoff = options.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
    this.log = options.log ?? jsonLineLog;
    this.wallClock = options.wallClock ?? systemClock;
    this.lastProgressAt = this.wallClock.now();
  }

  /** Milliseconds since the relay last saved its checkpoint or found nothing left to publish. */
  sinceProgressMs(): number {
    return this.wallClock.now().getTime() - this.lastProgressAt.getTime();
  }

  /**
   * The relay is stuck when events wait after its checkpoint and it has made no progress
   * (saved its checkpoint, or found nothing left to publish) for `stuckAfterMs`. A relay
   * that is merely busy saves its checkpoint every batch, and one with nothing to do is
   * not stuck whatever its bus does (the bus has a readiness check of its own).
   */
  async health(stuckAfterMs: number): Promise<RelayHealth> {
    // While the loop runs its position in memory is the relay's checkpoint (it may not be saved yet).
    const after = this.lastSaved ? this.lastSaved.after : ((await this.options.checkpoints.load(this.options.name)) ?? undefined);
    const lag = (await this.options.store.readAll({ after, limit: LAG_COUNT_LIMIT })).length;
    const sinceProgressMs = this.sinceProgressMs();
    return { lag, sinceProgressMs, failuresInARow: this.failuresInARow, stuck: lag > 0 && sinceProgressMs > stuckAfterMs && !this.waiting };
  }

  /** Relays everything stored so far; returns how many events it read. Runs never overlap. */
  drain(): Promise<number> {
    this.running ??= this.relayAll().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Runs rounds until `stop()`: one at once, then one whenever the store says events were
   * committed (its `onAppended` signal, or a live `subscribeToAll` where the store has no
   * such signal), and one every `fallbackIntervalMs` without any, which heals a lost
   * notification. A failed round is retried after the backoff pause, which wake-ups do not
   * cut short: a store busy with appends must not turn an outage into a hot loop.
   */
  start(fallbackIntervalMs = DEFAULT_FALLBACK_INTERVAL_MS): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run(fallbackIntervalMs);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.lastSaved = null;
    this.endSleep?.();
    await this.loop;
    this.loop = undefined;
    await this.running?.catch(() => undefined);
    await this.saveDeferred().catch(() => undefined);
  }

  /** Saves the unsaved position once {@link DEFERRED_SAVE_INTERVAL_MS} has passed since the last save. */
  private async saveDeferredIfDue(): Promise<void> {
    if (this.unsaved !== undefined && this.msUntilDeferredSave() === 0) await this.saveDeferred();
  }

  private msUntilDeferredSave(): number {
    return Math.max(0, this.lastSaveAt + DEFERRED_SAVE_INTERVAL_MS - this.wallClock.now().getTime());
  }

  /** Saves the position the loop published up to and has not saved yet. */
  private async saveDeferred(): Promise<void> {
    const position = this.unsaved;
    if (position === undefined) return;
    await this.options.checkpoints.save(this.options.name, position);
    if (this.unsaved === position) this.unsaved = undefined;
    this.lastSaveAt = this.wallClock.now().getTime();
  }

  /** Ends the healthy wait early; remembered, so a wake-up during a round triggers one more. */
  private wake(): void {
    this.woken = true;
    this.wakeSleeper?.();
  }

  private async run(fallbackIntervalMs: number): Promise<void> {
    let stopWakeUps: (() => Promise<void>) | undefined;
    let failures = 0;
    try {
      while (!this.stopping) {
        this.woken = false;
        let pause = fallbackIntervalMs;
        try {
          await this.waitForTurn();
          await this.drain();
          failures = 0;
        } catch (error) {
          this.lastSaved = null;
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
        this.failuresInARow = failures;
        if (this.stopping) break;
        // Only once caught up: a subscription started earlier would first deliver the backlog.
        if (failures === 0) stopWakeUps ??= this.listenForAppends();
        // Events committed after the round's last read: go again at once.
        if (failures === 0 && this.woken) continue;
        // An idle relay must not sit on an unsaved position until the fallback or the next event.
        if (failures === 0 && this.unsaved !== undefined) pause = Math.min(pause, this.msUntilDeferredSave());
        await this.sleep(pause, failures === 0);
      }
    } finally {
      await stopWakeUps?.();
    }
  }

  private async waitForTurn(): Promise<void> {
    const { waitForTurn } = this.options;
    if (!waitForTurn) return;
    this.waiting = true;
    try {
      await waitForTurn();
    } finally {
      this.waiting = false;
      this.lastProgressAt = this.wallClock.now();
    }
  }

  /** Subscribes to the store's wake-up signal; returns how to unsubscribe. */
  private listenForAppends(): () => Promise<void> {
    try {
      return this.subscribeToWakeUps();
    } catch (error) {
      this.log({ level: 'error', source: 'relay', msg: 'relay wake-up signal unavailable; publishing on the fallback interval only', relay: this.options.name, ...errorFields(error) });
      return async () => undefined;
    }
  }

  private subscribeToWakeUps(): () => Promise<void> {
    const { store } = this.options;
    if (store.onAppended) {
      const off = store.onAppended(() => this.wake());
      return async () => off();
    }
    const subscription = store.subscribeToAll({
      after: this.caughtUpAt,
      onEvent: async () => this.wake(),
      onError: (error) =>
        this.log({
          level: 'error',
          source: 'relay',
          msg: 'relay wake-up subscription stopped; publishing on the fallback interval only',
          relay: this.options.name,
          ...errorFields(error),
        }),
    });
    return () => subscription.close();
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wakeSleeper = null;
        this.endSleep = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.endSleep = finish;
      if (wakeable) this.wakeSleeper = finish;
    });
  }

  private async relayAll(): Promise<number> {
    const { store, checkpoints, bus, gateway, name } = this.options;
    const inLoop = this.loop !== undefined && !this.stopping;
    let after = inLoop && this.lastSaved ? this.lastSaved.after : ((await checkpoints.load(name)) ?? undefined);
    await this.markConsumed(after);
    let read = 0;
    for (let page = 0; ; page += 1) {
      // The loop's round waited for its turn before it began; each later page waits again, so
      // foreground work that starts during a long catch-up waits for one page, not the backlog.
      if (inLoop && page > 0) await this.waitForTurn();
      this.whereabouts = { after: position(after) };
      const batch = await store.readAll({ after, limit: this.batchSize });
      if (batch.length === 0) {
        await this.saveDeferredIfDue();
        this.caughtUpAt = after;
        this.lastProgressAt = this.wallClock.now();
        return read;
      }
      const messages = batch.flatMap((event) => {
        this.whereabouts = { after: position(after), streamId: event.streamId, version: event.version, globalPosition: position(event.globalPosition) };
        return gateway(event);
      });
      const last = batch[batch.length - 1].globalPosition;
      this.whereabouts = { after: position(after), fromPosition: position(batch[0].globalPosition), toPosition: position(last) };
      if (messages.length > 0) await bus.publish(messages);
      after = last;
      if (inLoop && this.options.consumed) {
        this.unsaved = after;
        await this.saveDeferredIfDue();
      } else {
        await checkpoints.save(name, after);
        this.unsaved = undefined;
        this.lastSaveAt = this.wallClock.now().getTime();
      }
      if (inLoop) this.lastSaved = { after };
      this.lastProgressAt = this.wallClock.now();
      read += batch.length;
      // A short page was all there was when read: what commits later wakes another round.
      if (batch.length < this.batchSize) {
        this.caughtUpAt = after;
        return read;
      }
    }
  }

  /**
   * Everything up to `after` was published by earlier rounds (rounds never overlap), so if
   * nothing is left unhandled on the bus now, everything up to `after` was handled.
   */
  private async markConsumed(after: bigint | undefined): Promise<void> {
    const { consumed, checkpoints } = this.options;
    if (!consumed || after === undefined || after === this.consumedAt) return;
    if (!(await consumed.allConsumed())) return;
    await checkpoints.save(consumed.name, after);
    this.consumedAt = after;
  }
}

/** Positions are bigints, which JSON cannot carry: logged as strings. */
function position(value: bigint | undefined): string | null {
  return value === undefined ? null : String(value);
}
