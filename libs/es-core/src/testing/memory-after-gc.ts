import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Heap in use after two full collections, plus array-buffer memory when asked (typed-array
 * columns live there, not on the heap). For memory specs and benches: what is held, not
 * garbage. Exposes `gc` for this call only if node (or jest) was not started with it.
 */
export function memoryAfterGc(options: { withArrayBuffers?: boolean } = {}): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return options.withArrayBuffers ? heapUsed + arrayBuffers : heapUsed;
}
