/**
 * When the process's background may run. Background is what the relays and consumers of
 * an in-process bus do (the all-in-one, a service run alone without Kafka): the cascade
 * a command sets off in the other services. Foreground is work a caller waits for: an
 * HTTP command, a bulk placement's rows.
 *
 * Background waits while foreground runs and for `quietMs` after it last ended, so a
 * caller sending commands one after another meets neither the CPU nor the one embedded
 * database taken by the cascade of its previous command. Background held `maxHoldMs` gets
 * a window of `windowMs` however busy the foreground is, so it never stops: under a steady
 * stream of commands it has at least windowMs / (maxHoldMs + windowMs) of the time. What was
 * held is published from the relays' checkpoints as always: later, never lost.
 * (docs/decisions.md, "Commands before background in one process".)
 */
export interface ForegroundPolicy {
  quietMs: number;
  maxHoldMs: number;
  windowMs: number;
}

/**
 * A sequential caller's next command comes well within 10 ms. A 100 ms window after 2 s held
 * is about a twentieth of the time (work started in a window finishes after it, so background
 * gets somewhat more); a 200 ms window cost sequential placements 10-25% of their rate
 * (docs/benchmarks.md, "Sequential placements").
 */
export const DEFAULT_FOREGROUND_POLICY: ForegroundPolicy = { quietMs: 10, maxHoldMs: 2_000, windowMs: 100 };

export class ForegroundWork {
  private running = 0;
  private lastEndedAt = Number.NEGATIVE_INFINITY;
  private windowEndsAt = Number.NEGATIVE_INFINITY;
  private waiting: (() => void)[] = [];
  private quietTimer: NodeJS.Timeout | undefined;
  private holdTimer: NodeJS.Timeout | undefined;

  /** `now` is wall time in ms (the relays' scheduling, not business time). */
  constructor(
    private readonly policy: ForegroundPolicy = DEFAULT_FOREGROUND_POLICY,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Runs `work` as foreground work: background waits until it (and any other) settles. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    const end = this.begin();
    try {
      return await work();
    } finally {
      end();
    }
  }

  /** Starts foreground work; the function returned ends it (calling it again does nothing). */
  begin(): () => void {
    this.running += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.running -= 1;
      this.lastEndedAt = this.now();
      if (this.running === 0 && this.waiting.length > 0) this.armQuietTimer();
    };
  }

  /** Whether background is being held now. */
  get busy(): boolean {
    return !this.backgroundMayRun();
  }

  /** Resolves at once when background may run, else when it may: see the class comment. */
  whenIdle(): Promise<void> {
    if (this.backgroundMayRun()) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.holdTimer ??= unref(setTimeout(() => this.openWindow(), this.policy.maxHoldMs));
      if (this.running === 0) this.armQuietTimer();
    });
  }

  private backgroundMayRun(): boolean {
    const now = this.now();
    return now < this.windowEndsAt || (this.running === 0 && now - this.lastEndedAt >= this.policy.quietMs);
  }

  private armQuietTimer(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    const wait = Math.max(0, this.lastEndedAt + this.policy.quietMs - this.now());
    this.quietTimer = unref(
      setTimeout(() => {
        this.quietTimer = undefined;
        if (this.backgroundMayRun()) this.releaseWaiting();
      }, wait),
    );
  }

  private openWindow(): void {
    this.holdTimer = undefined;
    this.windowEndsAt = this.now() + this.policy.windowMs;
    this.releaseWaiting();
  }

  private releaseWaiting(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    for (const resume of this.waiting.splice(0)) resume();
  }
}

function unref(timer: NodeJS.Timeout): NodeJS.Timeout {
  timer.unref();
  return timer;
}

/** The process's one {@link ForegroundWork}: relays, consumers and the work they yield to must share it. */
export const processForeground = new ForegroundWork();
