import { AggregateCache, type AggregateCacheOptions, DEFAULT_AGGREGATE_CACHE_OPTIONS, type LoadedAggregate } from './aggregate-cache';
import { aggregateStream, readStreamOf, StreamReader } from './aggregate-stream';
import { Decider, isRejection, Rejection } from './decider';
import {
  AppendResult,
  DomainEvent,
  EventMetadata,
  EventToAppend,
  ExpectedVersion,
  Principal,
  RecordedEvent,
  WrongExpectedVersionError,
} from './event';

/** The two event store operations a command needs (the EventStore port satisfies it). */
export interface StreamStore extends StreamReader {
  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult>;
}

/** Who and why: becomes the metadata of every event the command causes. */
export interface CommandContext {
  principal: Principal;
  correlationId: string;
  /** The id of the request, message or event that caused this command. */
  causationId: string;
  /** From the clock port. */
  now: Date;
  /**
   * The business date the command's events stand for, when it is not `now` (a migration
   * import): a date for every event, or one per event (an import's placement, earlier
   * payments and closure each keep their own). Absent, or undefined for an event: the
   * event carries no `effectiveAt` and is effective when recorded.
   */
  effectiveAt?: Date | ((event: DomainEvent) => Date | undefined);
  /** Id source for event ids (the composition root supplies it; tests make it deterministic). */
  newId: () => string;
  /**
   * When true, a stream that already holds an event caused by `causationId` is not
   * touched again: the earlier outcome stands. Consumers of redelivered messages rely on it.
   */
  dedupeByCausation?: boolean;
}

/** An event of the outcome: what was appended now, or found from the earlier identical command. */
export type OutcomeEvent<Event extends DomainEvent> = EventToAppend<Event>;

export type CommandOutcome<State, Event extends DomainEvent> =
  | { outcome: 'accepted'; state: State; events: OutcomeEvent<Event>[]; version: number }
  | { outcome: 'duplicate'; state: State; events: OutcomeEvent<Event>[]; version: number }
  | { outcome: 'rejected'; rejection: Rejection<Event>; state: State; version: number };

export interface CommandHandlerOptions {
  /** How many times to re-read and re-decide after a concurrent append won (default 3). */
  retriesOnConflict?: number;
  /**
   * Where folded states are kept between commands: by default the store's own cache
   * ({@link aggregateCacheOf}); `false` reads and folds the whole stream every time.
   */
  cache?: AggregateCache | false;
}

const cachesByStore = new WeakMap<object, AggregateCache>();

/**
 * The aggregate cache of commands on `store` (made with the default bounds on first use,
 * see `DEFAULT_AGGREGATE_CACHE_OPTIONS`): one per store object, so two stores on the same
 * database (two processes, as tests make them) never share what they folded.
 */
export function aggregateCacheOf(store: object): AggregateCache {
  let cache = cachesByStore.get(store);
  if (!cache) {
    cache = new AggregateCache();
    cachesByStore.set(store, cache);
  }
  return cache;
}

/**
 * Gives each of `stores` its own cache bounded by an equal share of `budget` (its streams
 * and bytes divided by the number of stores), replacing any cache they had. A process with
 * several stores (the all-in-one keeps one per service) calls it once at start, so its
 * folded states together stay within one process's budget instead of one per store.
 */
export function shareAggregateCacheBudget(stores: readonly object[], budget: AggregateCacheOptions = {}): void {
  if (stores.length === 0) return;
  const bounds = { ...DEFAULT_AGGREGATE_CACHE_OPTIONS, ...budget };
  const share: AggregateCacheOptions = {
    maxStreams: Math.max(1, Math.floor(bounds.maxStreams / stores.length)),
    maxBytes: Math.max(1, Math.floor(bounds.maxBytes / stores.length)),
    maxCausationsPerStream: bounds.maxCausationsPerStream,
  };
  for (const store of stores) cachesByStore.set(store, new AggregateCache(share));
}

/**
 * Gives `wrapper` (a store reading through `inner`, e.g. with upcasting) a cache of its own
 * with the bounds of `inner`'s, so wrapping a store keeps it within its share of the
 * budget. Its own: the two hand out events in different shapes, so they never share states.
 */
export function inheritAggregateCacheBounds(wrapper: object, inner: object): void {
  cachesByStore.set(wrapper, new AggregateCache(aggregateCacheOf(inner).bounds));
}

/**
 * Decide on the stream's state and append with the expected version it stands at. On a
 * version conflict the stream is dropped from the cache and the command decided again on
 * a fresh read, so a decision is always appended after the state it was made on.
 *
 * With a cache the first attempt is optimistic: it decides on the state held in memory
 * without reading the stream's tail (a stream not held is taken to be new), because the
 * append's expected-version check confirms that guess or refuses it. A refused guess costs
 * one failed append and a real read, not an attempt of `retriesOnConflict`. Whatever the
 * guess could not confirm by appending is decided again on a real read: a refusal without
 * recorded events, an empty decision, a decider that throws, and a causation the cache
 * cannot rule out for `dedupeByCausation`. So a refusal or a "duplicate" never rests on a
 * guess (see docs/event-store.md, "Optimistic first attempt").
 */
export async function handleCommand<State, Command, Event extends DomainEvent>(
  store: StreamStore,
  decider: Decider<State, Command, Event>,
  streamId: string,
  command: Command,
  context: CommandContext,
  options: CommandHandlerOptions = {},
): Promise<CommandOutcome<State, Event>> {
  const retries = options.retriesOnConflict ?? 3;
  const cache = options.cache === undefined ? aggregateCacheOf(store) : options.cache;
  let optimistic = cache !== false;
  for (let attempt = 0; ; ) {
    const guessed = optimistic && cache ? guess(cache, decider, streamId) : undefined;
    if (optimistic && !guessed) optimistic = false;
    const loaded = guessed ?? (cache ? await cache.load(store, decider, streamId) : await aggregateStream(store, decider, streamId));
    const { state, version } = loaded;

    if (context.dedupeByCausation) {
      const through = 'events' in loaded ? undefined : loaded.whereCausationMayBe(context.causationId);
      if (guessed && through !== undefined) {
        optimistic = false;
        continue;
      }
      const earlier =
        'events' in loaded
          ? loaded.events.filter((event) => event.metadata.causationId === context.causationId)
          : await earlierEffects<Event>(store, streamId, context.causationId, through);
      if (earlier.length > 0) return { outcome: 'duplicate', state, events: earlier, version };
    }

    let decision: ReturnType<typeof decider.decide>;
    try {
      decision = decider.decide(command, state);
    } catch (error) {
      if (!guessed) throw error;
      optimistic = false;
      continue;
    }
    const toAppend = isRejection(decision) ? (decision.recordedEvents ?? []) : decision;
    if (guessed && toAppend.length === 0) {
      optimistic = false;
      continue;
    }
    try {
      const decided: Event[] = toAppend;
      const appended = decided.length ? await appendDecided(store, streamId, decided, version, context) : [];
      const newState = decided.reduce((s, e) => decider.evolve(s, e), state);
      const newVersion = version + appended.length;
      if (cache && appended.length) {
        if (version < 0) cache.recordCreation(streamId, decider, newState, appended);
        else cache.recordAppend(streamId, decider, newState, newVersion, appended);
      }
      if (isRejection(decision)) return { outcome: 'rejected', rejection: decision, state: newState, version: newVersion };
      return { outcome: 'accepted', state: newState, events: appended, version: newVersion };
    } catch (error) {
      if (cache) cache.drop(streamId);
      if (error instanceof WrongExpectedVersionError) {
        if (guessed) {
          optimistic = false;
          continue;
        }
        if (attempt < retries) {
          attempt++;
          continue;
        }
      }
      throw error;
    }
  }
}

/**
 * The optimistic first attempt's state: what the cache holds, or a new stream when it
 * holds nothing. `undefined` when the stream was folded by another decider (it exists, so
 * guessing it new would only cost a failed append).
 */
function guess<State, Event extends DomainEvent>(
  cache: AggregateCache,
  decider: Decider<State, never, Event>,
  streamId: string,
): LoadedAggregate<State> | undefined {
  const held = cache.peek(decider, streamId);
  if (held === 'other') return undefined;
  if (held !== 'unknown') return held;
  return { state: decider.initialState(), version: -1, whereCausationMayBe: () => undefined };
}

/**
 * The events an earlier command with this causation left in the stream, read from the
 * store (never from memory) up to `through`: nothing to read when the cache knows the
 * causation is not in the stream.
 */
async function earlierEffects<Event extends DomainEvent>(
  store: StreamReader,
  streamId: string,
  causationId: string,
  through: number | undefined,
): Promise<RecordedEvent<Event>[]> {
  if (through === undefined || through < 0) return [];
  const events = await readStreamOf<Event>(store, streamId, { toVersion: through });
  return events.filter((event) => event.metadata.causationId === causationId);
}

async function appendDecided<Event extends DomainEvent>(
  store: StreamStore,
  streamId: string,
  events: readonly Event[],
  currentVersion: number,
  context: CommandContext,
): Promise<OutcomeEvent<Event>[]> {
  const toAppend = events.map((event) => {
    const effectiveAt = typeof context.effectiveAt === 'function' ? context.effectiveAt(event) : context.effectiveAt;
    return withMetadata(event, {
      eventId: context.newId(),
      principal: context.principal,
      correlationId: context.correlationId,
      causationId: context.causationId,
      occurredAt: context.now.toISOString(),
      // Only when given: an event without it hashes exactly as every event recorded before business dates.
      ...(effectiveAt ? { effectiveAt: effectiveAt.toISOString() } : {}),
    });
  });
  const expectedVersion: ExpectedVersion = currentVersion < 0 ? 'no_stream' : currentVersion;
  await store.appendToStream(streamId, toAppend, { expectedVersion });
  return toAppend;
}

/**
 * A decided event with its metadata. TypeScript cannot see that `E & { metadata }` is the
 * member of the distributive EventToAppend<E> that E picks while E is still generic: this
 * one assertion says so, for every command.
 */
function withMetadata<Event extends DomainEvent>(event: Event, metadata: EventMetadata): OutcomeEvent<Event> {
  return { type: event.type, data: event.data, metadata } as OutcomeEvent<Event>;
}
