import { AsyncLocalStorage } from 'node:async_hooks';
import { systemClock } from '@lib/clock';

/**
 * Where a background loop (scheduler, relay) reports what no caller is there to catch.
 * One structured entry per call; `level` and `source` name what it is and who says it.
 */
export type LogSink = (entry: Record<string, unknown>) => void;

/**
 * What every log line written while some work runs carries: the correlation id and
 * principal of the request or message being handled, and what else names the work
 * (route, message id). Mutable on purpose: the HTTP layer learns the principal only
 * after the auth guard ran, and adds it to the context already in force.
 */
export type LogContext = Record<string, unknown>;

const contexts = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `context` in force for every log line it writes, also after awaits. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return contexts.run(context, work);
}

/** The context in force here, if any: loggers merge it into each line. */
export function currentLogContext(): LogContext | undefined {
  return contexts.getStore();
}

/**
 * The default sink: one JSON object per line on stderr, like the rest of the project's
 * logs, with the log context in force. The time is the machine's, even under a test
 * clock: it says when the line was written.
 */
export const jsonLineLog: LogSink = (entry) => {
  process.stderr.write(`${JSON.stringify({ time: systemClock.now().toISOString(), ...currentLogContext(), ...entry })}\n`);
};

/** An error as log fields: the message to search by, the stack to find where. */
export function errorFields(error: unknown): { error: string; stack?: string } {
  if (error instanceof Error) return { error: error.message || error.name, stack: error.stack };
  return { error: String(error) };
}
