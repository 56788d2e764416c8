import { DomainEvent } from './event';

/**
 * A refusal, as a value. `rule` names the rule that refused (e.g. `recall-while-payment-in-transit`).
 * Where the domain wants refusals on the record (compliance denials), `recordedEvents`
 * holds the events to append even though the command itself was refused.
 */
export interface Rejection<E extends DomainEvent = DomainEvent> {
  kind: 'rejection';
  rule: string;
  reason: string;
  details?: Record<string, unknown>;
  recordedEvents?: E[];
}

export function reject<E extends DomainEvent = DomainEvent>(
  rule: string,
  reason: string,
  extra: { details?: Record<string, unknown>; recordedEvents?: E[] } = {},
): Rejection<E> {
  return { kind: 'rejection', rule, reason, ...extra };
}

export function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && (value as Rejection).kind === 'rejection';
}

export type Decision<E extends DomainEvent> = E[] | Rejection<E>;

/**
 * An aggregate or process manager as three pure functions. Time, ids and looked-up
 * facts arrive on the command: `decide` reads no clock and calls no service.
 */
export interface Decider<State, Command, Event extends DomainEvent> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Decision<Event>;
}

export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
