import { ProjectedEvent, Projection, QueryOptions, ReadModelStore } from './read-model-store.port';
import { rebuildProjection, RebuildOptions } from './rebuild';

/** Checkpoint under which a logical collection's current physical collection is kept. */
export const GENERATION_CHECKPOINT_PREFIX = 'generation:';

/**
 * The physical collection of a logical one's generation: the first generation is the
 * logical name itself (so a store written before generations existed needs nothing),
 * the next ones `<name>__g<n>`.
 */
export function generationCollection(logical: string, generation: number): string {
  return generation <= 1 ? logical : `${logical}__g${generation}`;
}

function generationOf(logical: string, physical: string): number {
  if (physical === logical) return 1;
  const generation = Number(physical.slice(logical.length + 3));
  return Number.isSafeInteger(generation) && generation > 1 ? generation : 1;
}

/**
 * The events a rebuild folds into the new generation, e.g. an event log the live path
 * keeps writing meanwhile. It must show every event applied to the collection before the
 * rebuild began, and each source stream's events in version order; it may also show
 * some that arrived since (the live path's own record of those is replayed at the
 * switch, and the version guard counts an event once). A source that skipped a version
 * it has and then showed a later one would make the guard drop the skipped one.
 */
export type GenerationSource = AsyncIterable<ProjectedEvent> | Iterable<ProjectedEvent>;

export interface GenerationRebuild {
  collection: string;
  /** The physical collection readers read from now. */
  physical: string;
  generation: number;
  /** Events folded from the source. */
  applied: number;
  /** Events the live path applied during the rebuild, replayed into the new generation at the switch. */
  caughtUp: number;
}

interface RunningRebuild {
  /** Events applied live since the rebuild began, in arrival order. */
  live: ProjectedEvent[];
  /** Set while the switch runs: live applies wait for it, then go to the new generation. */
  switching?: Promise<void>;
}

/**
 * A read-model store whose collections can be rebuilt without readers seeing them empty.
 * Readers and writers use logical names; each maps to a physical collection (its current
 * generation, kept as a checkpoint `generation:<name>` so a restart reads the same one).
 * `rebuild` folds the projection into the next generation while the current one goes on
 * serving reads and taking live events, records the live events meanwhile, replays them
 * into the new generation (live applies wait for that moment only), switches readers over
 * in one step and drops the old generation (once the reads begun on it are answered). Idempotency is the inner store's: it is the
 * same `fold.ts`, so an event arriving both from the source and live counts once.
 * Live events wait only while the events recorded during the rebuild are replayed.
 *
 * One process per store: another process reading the same collections does not learn of
 * a switch until it calls `refresh()` (reporting runs one writer process per collection
 * anyway, see docs/read-models.md, "FerretDB notes").
 */
export class GenerationalReadModelStore implements ReadModelStore {
  private readonly current = new Map<string, string>();
  private readonly running = new Map<string, RunningRebuild>();
  /** Applies in flight, per logical collection: a rebuild starts once those begun before it have landed. */
  private readonly inFlight = new Map<string, Set<Promise<unknown>>>();
  /** Reads in flight, per physical collection. */
  private readonly reads = new Map<string, Set<Promise<unknown>>>();
  private readonly renamed = new WeakMap<Projection<any>, { physical: string; projection: Projection<any> }>();

  private constructor(
    /** The adapter underneath; rebuilds write into it directly. */
    readonly inner: ReadModelStore,
    private readonly collections: readonly string[],
  ) {}

  /** Wraps `inner`, reading which generation each of `collections` is at. */
  static async open(inner: ReadModelStore, collections: readonly string[]): Promise<GenerationalReadModelStore> {
    const store = new GenerationalReadModelStore(inner, collections);
    await store.refresh();
    return store;
  }

  /** Reads again which generation each collection is at (after another process switched one). */
  async refresh(): Promise<void> {
    for (const logical of this.collections) {
      const physical = await this.inner.loadCheckpoint(GENERATION_CHECKPOINT_PREFIX + logical);
      this.current.set(logical, physical ?? logical);
    }
  }

  /** The physical collection a logical one reads from now. */
  physical(logical: string): string {
    return this.current.get(logical) ?? logical;
  }

  async apply<Doc extends object>(projection: Projection<Doc>, events: readonly ProjectedEvent[]): Promise<void> {
    const rebuild = this.running.get(projection.name);
    if (rebuild?.switching) {
      await rebuild.switching;
      return this.apply(projection, events);
    }
    // Recorded before anything is awaited: an event a source shows from now on is known to be live.
    if (rebuild) for (const event of events) rebuild.live.push(event);
    const write = this.inner.apply(this.renamedTo(projection, this.physical(projection.name)), events);
    const flights = this.inFlight.get(projection.name) ?? new Set<Promise<unknown>>();
    this.inFlight.set(projection.name, flights);
    const tracked = write.catch(() => undefined);
    flights.add(tracked);
    try {
      await write;
    } finally {
      flights.delete(tracked);
    }
  }

  find<Doc = Record<string, any>>(collection: string, filter?: Record<string, unknown>, options?: QueryOptions): Promise<Doc[]> {
    const physical = this.physical(collection);
    return this.reading(physical, this.inner.find<Doc>(physical, filter, options));
  }

  findOne<Doc = Record<string, any>>(collection: string, filter: Record<string, unknown>): Promise<Doc | null> {
    const physical = this.physical(collection);
    return this.reading(physical, this.inner.findOne<Doc>(physical, filter));
  }

  count(collection: string, filter?: Record<string, unknown>): Promise<number> {
    const physical = this.physical(collection);
    return this.reading(physical, this.inner.count(physical, filter));
  }

  /** Keeps track of reads per physical collection: an old generation is emptied only once the reads begun on it are answered. */
  private async reading<T>(physical: string, read: Promise<T>): Promise<T> {
    const reads = this.reads.get(physical) ?? new Set<Promise<unknown>>();
    this.reads.set(physical, reads);
    const tracked = read.catch(() => undefined);
    reads.add(tracked);
    try {
      return await read;
    } finally {
      reads.delete(tracked);
    }
  }

  /** Empties the collection's current generation (and its checkpoint); it stays at that generation. */
  reset(collection: string): Promise<void> {
    return this.inner.reset(this.physical(collection));
  }

  loadCheckpoint(name: string): Promise<string | null> {
    return this.inner.loadCheckpoint(this.physical(name));
  }

  saveCheckpoint(name: string, value: string): Promise<void> {
    return this.inner.saveCheckpoint(this.physical(name), value);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /**
   * Rebuilds `projection` into its next generation from `source` while the current one
   * serves, then switches readers over and drops the old generation. Rejects if a rebuild
   * of the collection is already running; on failure the current generation stays and
   * keeps every live event (the half-built one is emptied by the next attempt).
   */
  async rebuild<Doc extends object>(projection: Projection<Doc>, source: GenerationSource, options: RebuildOptions = {}): Promise<GenerationRebuild> {
    const logical = projection.name;
    if (this.running.has(logical)) throw new Error(`a rebuild of ${logical} is already running`);
    const old = this.physical(logical);
    const generation = generationOf(logical, old) + 1;
    const next = generationCollection(logical, generation);
    const rebuild: RunningRebuild = { live: [] };
    this.running.set(logical, rebuild);
    try {
      // Every apply begun before the rebuild has landed (in this collection and in the
      // source's, e.g. an event log): the source shows them all, and every later one is
      // recorded as live.
      await this.settled();
      const target = this.renamedTo(projection, next);
      const result = await rebuildProjection(this.inner, target, source, options);

      let switched!: () => void;
      rebuild.switching = new Promise<void>((resolve) => (switched = resolve));
      try {
        await this.settled(logical);
        const batchSize = options.batchSize ?? 5000;
        for (let start = 0; start < rebuild.live.length; start += batchSize) await this.inner.apply(target, rebuild.live.slice(start, start + batchSize));
        await this.inner.saveCheckpoint(GENERATION_CHECKPOINT_PREFIX + logical, next);
        this.current.set(logical, next);
      } finally {
        this.running.delete(logical);
        switched();
      }
      // A reader that started on the old generation gets its whole answer before it is emptied.
      await Promise.all([...(this.reads.get(old) ?? [])]);
      await this.inner.reset(old);
      return { collection: logical, physical: next, generation, applied: result.applied, caughtUp: rebuild.live.length };
    } finally {
      if (this.running.get(logical) === rebuild) this.running.delete(logical);
    }
  }

  private async settled(logical?: string): Promise<void> {
    const flights = logical ? [...(this.inFlight.get(logical) ?? [])] : [...this.inFlight.values()].flatMap((set) => [...set]);
    await Promise.all(flights);
  }

  private renamedTo<Doc extends object>(projection: Projection<Doc>, physical: string): Projection<Doc> {
    if (projection.name === physical) return projection;
    const known = this.renamed.get(projection);
    if (known?.physical === physical) return known.projection;
    const renamed: Projection<Doc> = { name: physical, handles: projection.handles, documentIds: (event) => projection.documentIds(event), evolve: (document, event) => projection.evolve(document, event) };
    this.renamed.set(projection, { physical, projection: renamed });
    return renamed;
  }
}
