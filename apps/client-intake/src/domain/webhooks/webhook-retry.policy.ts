/**
 * When a failed delivery is tried again: 30 s after the first failure, doubling each time
 * up to 12 hours between attempts, for as long as the next attempt falls within 5 days of
 * the round's first attempt (about 20 attempts). A delivery that fails every attempt of
 * that window gives up, and its endpoint is disabled (docs/decisions.md, "Webhooks").
 */
export interface WebhookRetryPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** From the round's first attempt: no attempt is made later than this. */
  windowMs: number;
}

export const WEBHOOK_RETRY_POLICY: WebhookRetryPolicy = { initialDelayMs: 30_000, maxDelayMs: 12 * 60 * 60_000, windowMs: 5 * 24 * 60 * 60_000 };

/** The next attempt after the `failures`-th failed one of a round, or null when the window is spent. */
export function nextAttemptAt(policy: WebhookRetryPolicy, firstAttemptAt: Date, failures: number, now: Date): Date | null {
  const delay = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, failures - 1));
  const next = new Date(now.getTime() + delay);
  return next.getTime() - firstAttemptAt.getTime() > policy.windowMs ? null : next;
}
