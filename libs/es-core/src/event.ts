/**
 * Typed plain-data events. Type names are written out (never `constructor.name`) and
 * carry a version suffix when a shape changes, e.g. `PaymentPosted` then `PaymentPosted.v2`.
 */

/** Who acted: the role and the id of the principal behind a command. `attorney`: a panel attorney with its own API key. */
export interface Principal {
  role: 'client' | 'collector' | 'supervisor' | 'accountant' | 'legal' | 'compliance' | 'admin' | 'system' | 'attorney';
  id: string;
}

/** Metadata every stored event carries. */
export interface EventMetadata {
  eventId: string;
  principal: Principal;
  correlationId: string;
  /** The id of the command, message or event that caused this event. */
  causationId: string;
  /** ISO-8601 instant from the clock port: when the event was recorded. */
  occurredAt: string;
  /**
   * The business date the event stands for (ISO-8601 instant), when it is not the moment
   * it was recorded: a migration import records today an account placed, paid or closed
   * long ago. Absent: effective when recorded (`occurredAt`), as every event written
   * before business dates existed. Read it with {@link effectiveAtOf}.
   */
  effectiveAt?: string;
  /** Hash-chain link, filled by the event store on append. */
  previousHash?: string;
  hash?: string;
  [extra: string]: unknown;
}

/** The business date of an event: its `effectiveAt`, or when it was recorded. */
export function effectiveAtOf(metadata: Pick<EventMetadata, 'occurredAt' | 'effectiveAt'>): string {
  return metadata.effectiveAt ?? metadata.occurredAt;
}

/** A domain event as a decider emits it: type and data only. */
export interface DomainEvent<Type extends string = string, Data = Record<string, unknown>> {
  type: Type;
  data: Data;
}

/**
 * An event ready to append: the command handler has added its metadata. Distributive
 * like RecordedEvent, so the events of an outcome narrow by `type`.
 */
export type EventToAppend<E extends DomainEvent = DomainEvent> = E extends DomainEvent ? E & { metadata: EventMetadata } : never;

/** Where and when an event was stored, and its hash-chain link. */
export interface StoredPosition {
  streamId: string;
  /** Versions are 0-based: a stream's first event has version 0. */
  version: number;
  /** Position in the store's global order (commit order). */
  globalPosition: bigint;
  metadata: EventMetadata & { previousHash: string; hash: string };
  /**
   * Set only on an event an upcaster changed on read (see `upcastRecorded`): its type and
   * data as stored, which its hash is of. Absent: `type` and `data` are the stored form.
   */
  storedAs?: StoredForm;
}

/** An event's type and data exactly as the store holds them. */
export interface StoredForm {
  type: string;
  data: unknown;
}

/**
 * An event as stored. Distributive over a union of domain events, so a recorded event of a
 * decider's event type narrows by `type` and is itself one of the decider's events: a
 * stream read as `RecordedEvent<LedgerEvent>[]` folds with the decider as it is, no cast.
 */
export type RecordedEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent ? E & StoredPosition : never;

/**
 * What the writer expects the stream to be:
 * - `no_stream`: the stream must not exist;
 * - `stream_exists`: it must exist, at any version;
 * - `any`: no check;
 * - a number: the version of the stream's last event.
 */
export type ExpectedVersion = 'no_stream' | 'stream_exists' | 'any' | number;

export interface AppendResult {
  /** Version of the last event now in the stream. */
  nextExpectedVersion: number;
  /** Global position of the last appended event. */
  lastGlobalPosition: bigint;
}

/** Thrown by every event store adapter when the expected version does not hold. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedVersionError';
  }
}
