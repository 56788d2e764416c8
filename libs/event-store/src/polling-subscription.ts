import { RecordedEvent } from '@lib/es-core';
import { EventStoreSubscription, SubscribeOptions } from './event-store.port';

export interface PollingSubscriptionOptions extends SubscribeOptions {
  /** Reads the next page strictly after a position, in global order. */
  readPage(after: bigint | undefined, limit: number): Promise<RecordedEvent[]>;
  pageSize: number;
  /** Longest wait between two reads when nothing woke the subscription up. */
  pollIntervalMs: number;
}

/**
 * Catch-up then live delivery by reading pages: the same loop serves history and new
 * events, so there is no hand-over between two modes where an event could slip through.
 * Correct only because the store's global positions follow commit order (see
 * docs/event-store.md): a position once passed never gets a new event below it.
 */
export class PollingSubscription implements EventStoreSubscription {
  private closed = false;
  private woken = false;
  private wakeSleeper: (() => void) | null = null;
  private readonly done: Promise<void>;

  constructor(private readonly options: PollingSubscriptionOptions) {
    this.done = this.run();
  }

  /** Ends the current wait early (a notification said something was committed). */
  wake(): void {
    // Remembered, so a notification that arrives during a read still triggers one more.
    this.woken = true;
    this.wakeSleeper?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeSleeper?.();
    await this.done;
  }

  /** Resolves when the loop has ended, by close() or by an error. */
  get finished(): Promise<void> {
    return this.done;
  }

  private async run(): Promise<void> {
    const { readPage, onEvent, pageSize, pollIntervalMs } = this.options;
    let cursor = this.options.after;
    try {
      while (!this.closed) {
        this.woken = false;
        const page = await readPage(cursor, pageSize);
        for (const event of page) {
          if (this.closed) return;
          await onEvent(event);
          cursor = event.globalPosition;
        }
        if (page.length < pageSize && !this.woken) await this.sleep(pollIntervalMs);
      }
    } catch (error) {
      if (this.closed) return;
      this.closed = true;
      if (this.options.onError) this.options.onError(error);
      // Without onError a stopped subscription would be silent; a relay that stops
      // publishing unnoticed is worse than a noisy log line.
      else console.error('event store subscription stopped', error);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wakeSleeper = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeSleeper = finish;
    });
  }
}
