/**
 * Work a process puts before its own background: while any is running, the relays that
 * feed consumers in the same process (the in-process bus: the all-in-one, a service run
 * alone without Kafka) hold their next round, so the consumers' cascade neither takes the
 * CPU nor queues on the one embedded database ahead of it. What was held is published
 * when the work ends, from the relays' checkpoints as always: later, never lost.
 * A bulk placement's rows are such work (docs/client-intake.md, "Bulk placement").
 */
export class ForegroundWork {
  private running = 0;
  private waiting: (() => void)[] = [];

  /** Runs `work` as foreground work: background waits until it (and any other) settles. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      if (this.running === 0) for (const resume of this.waiting.splice(0)) resume();
    }
  }

  /** Whether background is being held now. */
  get busy(): boolean {
    return this.running > 0;
  }

  /** Resolves at once when no foreground work runs, else when the last one settles. */
  whenIdle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
}

/** The process's one {@link ForegroundWork}: relays and the work they yield to must share it. */
export const processForeground = new ForegroundWork();
