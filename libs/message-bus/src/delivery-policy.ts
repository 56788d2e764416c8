import { IncomingMessage, OutgoingMessage, deadLetterTopic } from './message-bus.port';

/**
 * Shared by both adapters so that retry timing, dead-letter shape and value encoding
 * are one rule, not two that drift apart.
 */

export const DEFAULT_MAX_ATTEMPTS = 5;

/** Pause between attempts of a failing handler: doubles from `initialMs`, capped at `maxMs`. */
export interface RetryBackoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { initialMs: 100, maxMs: 2000 };

export function resolveMaxAttempts(maxAttempts: number | undefined): number {
  const value = maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`maxAttempts must be an integer >= 1, got ${String(maxAttempts)}`);
  }
  return value;
}

/** Most messages in one batch of a `batchHandler` subscription unless it says otherwise. */
export const DEFAULT_MAX_BATCH_SIZE = 100;

export function resolveMaxBatchSize(maxBatchSize: number | undefined): number {
  const value = maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`maxBatchSize must be an integer >= 1, got ${String(maxBatchSize)}`);
  }
  return value;
}

export function retryDelayMs(failedAttempts: number, backoff: RetryBackoff): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, failedAttempts - 1));
}

/** Whether a subscriber's `dependenciesDown` says the handler's failure was an outage's; a failing check says no. */
export async function dependenciesDown(check: (() => Promise<boolean>) | undefined): Promise<boolean> {
  if (!check) return false;
  try {
    return (await check()) === true;
  } catch {
    return false;
  }
}

/** Header values carry at most this much error text; a stack trace has no place on the wire. */
const MAX_ERROR_TEXT = 2000;

export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT - 1)}…` : text;
}

/**
 * The message as it goes to `<topic>.dead-letter`: same key, value and headers, plus
 * what an operator needs to find and replay the original.
 */
export function deadLetterOf(message: IncomingMessage, error: unknown): OutgoingMessage {
  return {
    topic: deadLetterTopic(message.topic),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      error: describeError(error),
      'original-topic': message.topic,
      'original-partition': String(message.partition),
      'original-offset': message.offset,
      attempts: String(message.attempt),
    },
  };
}

/**
 * Encodes before anything is sent, so a bad message fails the whole publish call
 * instead of leaving half of it written.
 */
export function encodeValue(message: OutgoingMessage): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(message.value);
  } catch (error) {
    throw new TypeError(
      `message ${message.headers['message-id']} on ${message.topic}: value is not JSON-serialisable (${describeError(error)})`,
    );
  }
  if (json === undefined) {
    throw new TypeError(
      `message ${message.headers['message-id']} on ${message.topic}: value is not JSON-serialisable`,
    );
  }
  return json;
}

export function assertPublishable(message: OutgoingMessage): void {
  if (typeof message.topic !== 'string' || message.topic === '') {
    throw new TypeError('message topic must be a non-empty string');
  }
  if (typeof message.key !== 'string') {
    throw new TypeError(`message on ${message.topic}: key must be a string`);
  }
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (typeof value !== 'string') {
      throw new TypeError(`message on ${message.topic}: header ${name} must be a string`);
    }
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (a closing consumer does not wait out a backoff). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
