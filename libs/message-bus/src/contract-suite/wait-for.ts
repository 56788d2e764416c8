export interface WaitForOptions {
  timeoutMs: number;
  intervalMs?: number;
}

/**
 * Polls `condition` until it holds. Tests wait for what they expect instead of sleeping
 * for a guessed time; on timeout the failure says what was awaited and what was seen.
 */
export async function waitFor(
  description: string,
  condition: () => boolean,
  options: WaitForOptions,
  progress: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 20;
  for (;;) {
    if (condition()) return;
    if (Date.now() >= deadline) {
      const seen = progress();
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${description}${seen ? `; ${seen}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
