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
  const db =
    entries.length === 0
      ? new PGliteClass(dataDir)
      : new PGliteClass(dataDir, { startParams: [...PGliteClass.defaultStartParams, ...entries.flatMap(([name, value]) => ['-c', `${name}=${value}`])] });
  live.add(new WeakRef(db));
  // In Node a folder is PGlite's NodeFS and no folder its MemoryFS: both write through at
  // once, so their `syncToFs` has nothing to do (see `needsSyncToFs`).
  if (dataDir === undefined || !/^[a-z]+:\/\//.test(dataDir)) writesThrough.add(db);
  return db;
}

/** Instances whose file system has nothing left to write after a statement (see {@link needsSyncToFs}). */
const writesThrough = new WeakSet<PGlite>();

/**
 * Whether a statement on `db` must be followed by `db.syncToFs()`. PGlite's own `query`
 * calls it after every statement for file systems that keep pages in memory and copy
 * them out later (IndexedDB, OPFS); Node's folder (NodeFS) and memory (MemoryFS) back ends
 * write through, their `syncToFs` is empty, and the call only queues on PGlite's sync mutex
 * (two promises and a lock per statement). Instances made elsewhere keep the call.
 */
export function needsSyncToFs(db: PGlite): boolean {
  return !writesThrough.has(db);
}

/** Every PGlite this process created, held weakly so a closed and dropped one is forgotten. */
const live = new Set<WeakRef<PGlite>>();

/**
 * The WebAssembly memory of every open PGlite of this process, in bytes. It is most of an
 * embedded database's resident size and never shrinks while the instance lives, so it is
 * what `/metrics` shows as `embedded_database_memory_bytes` (docs/benchmarks.md).
 */
export function embeddedDatabaseMemoryBytes(): number {
  let bytes = 0;
  for (const ref of live) {
    const db = ref.deref() as (PGlite & { mod?: { wasmMemory?: { buffer: ArrayBufferLike } } }) | undefined;
    if (!db || db.closed) {
      live.delete(ref);
      continue;
    }
    bytes += db.mod?.wasmMemory?.buffer.byteLength ?? 0;
  }
  return bytes;
}
