import { systemClock } from '@lib/clock';

/**
 * Where a background loop (scheduler, relay) reports what no caller is there to catch.
 * One structured entry per call; `level` and `source` name what it is and who says it.
 */
export type LogSink = (entry: Record<string, unknown>) => void;

/**
 * The default sink: one JSON object per line on stderr, like the rest of the project's
 * logs. The time is the machine's, even under a test clock: it says when the line was written.
 */
export const jsonLineLog: LogSink = (entry) => {
  process.stderr.write(`${JSON.stringify({ time: systemClock.now().toISOString(), ...entry })}\n`);
};

/** An error as log fields: the message to search by, the stack to find where. */
export function errorFields(error: unknown): { error: string; stack?: string } {
  if (error instanceof Error) return { error: error.message || error.name, stack: error.stack };
  return { error: String(error) };
}
