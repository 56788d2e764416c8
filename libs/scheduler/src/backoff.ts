/** A pause that doubles from `initialMs` with each failure in a row, capped at `maxMs`. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
}

/** How long to wait after the `failures`-th failure in a row (1 = the first). */
export function backoffDelayMs(failures: number, backoff: Backoff): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, failures - 1));
}
