import type { Decider } from './decider';
import type { DomainEvent, RecordedEvent } from './event';

/**
 * Reading a stream: the one event-store operation a "get" needs (the EventStore port
 * satisfies it). Whole, or a part of it by version: a store that ignores `fromVersion`
 * and answers with the whole stream is still read correctly by the aggregate cache
 * (it skips the versions it holds), only without the saving.
 */
export interface StreamReader {
  readStream(streamId: string, options?: { fromVersion?: number; toVersion?: number }): Promise<RecordedEvent[]>;
}

/**
 * A stream read as the events of the decider that owns it. The store hands back events of
 * any type; a stream is written only by its decider (and old shapes are upcast on the read
 * path), so its events are that decider's. This is the one place that says so: every other
 * read goes through it, and nothing else at the store boundary casts.
 */
export async function readStreamOf<Event extends DomainEvent>(
  store: StreamReader,
  streamId: string,
  options?: { fromVersion?: number; toVersion?: number },
): Promise<RecordedEvent<Event>[]> {
  return (await store.readStream(streamId, options)) as RecordedEvent<Event>[];
}

/** A stream folded by its decider: the state, the version it stands at (-1: no stream) and the events. */
export interface AggregatedStream<State, Event extends DomainEvent> {
  state: State;
  version: number;
  events: RecordedEvent<Event>[];
}

/** Read a stream and fold it with its decider: how every "get" and every command sees an aggregate. */
export async function aggregateStream<State, Event extends DomainEvent>(
  store: StreamReader,
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
  streamId: string,
): Promise<AggregatedStream<State, Event>> {
  const events = await readStreamOf<Event>(store, streamId);
  const state = events.reduce<State>((current, event) => decider.evolve(current, event), decider.initialState());
  return { state, version: events.length - 1, events };
}
