import type * as PgliteModule from '@electric-sql/pglite';
import type { PGlite } from '@electric-sql/pglite';
import * as sandboxedModule from 'node:module';

/**
 * Loads PGlite through Node's own `require`. PGlite's CommonJS build calls `import()`
 * while starting (for `fs/promises`, `node:module`, ...), and jest's VM sandbox refuses
 * any dynamic import unless Node runs with `--experimental-vm-modules`. Going around the
 * sandbox lets every jest test (unit, int, e2e of the all-in-one app) use PGlite with the
 * project's plain `jest` command; outside jest this is an ordinary require.
 */
export function loadPgliteModule(): typeof PgliteModule {
  // `process.getBuiltinModule` (Node >= 20.16) hands out the real module loader even
  // inside jest, where `import 'node:module'` is jest's re-implementation.
  const nodeModule = process.getBuiltinModule?.('node:module') ?? sandboxedModule;
  return nodeModule.createRequire(__filename)('@electric-sql/pglite') as typeof PgliteModule;
}

export function loadPglite(): typeof PGlite {
  return loadPgliteModule().PGlite;
}

/**
 * A new PGlite instance: data in `dataDir`, or in memory when omitted. `settings`:
 * PostgreSQL parameters for this start (e.g. `{ shared_buffers: '16MB' }`), added to PGlite's own.
 */
export function createPglite(dataDir?: string, settings: Record<string, string> = {}): PGlite {
  const PGliteClass = loadPglite();
  const entries = Object.entries(settings);
  if (entries.length === 0) return new PGliteClass(dataDir);
  return new PGliteClass(dataDir, { startParams: [...PGliteClass.defaultStartParams, ...entries.flatMap(([name, value]) => ['-c', `${name}=${value}`])] });
}
