import { DomainEvent, RecordedEvent, StoredForm } from './event';

/**
 * Brings one stored event type to its next version: pure, total on every event of that
 * type the store may hold, and it must not need any other event (the store reads events
 * one at a time). Registered under the stored type name it reads.
 */
export type EventUpcaster = (event: DomainEvent<string, any>) => DomainEvent<string, any>;

/** Upcasters by the stored type name they read, e.g. `{ PaymentPosted: v1ToV2 }`. */
export type EventUpcasters = Readonly<Record<string, EventUpcaster>>;

/** At most this many steps from a stored type to the newest: a longer chain is a loop. */
const MAX_STEPS = 32;

/**
 * The event as the code of today reads it: each upcaster registered for its type is applied
 * in turn until none is. An upcast event keeps its stored form in `storedAs`, because the
 * hash chain is of the stored form (`verifyChain` and the audit trail use it).
 */
export function upcastRecorded<E extends RecordedEvent>(event: E, upcasters: EventUpcasters): E {
  let current: DomainEvent<string, any> = { type: event.type, data: event.data };
  for (let steps = 0; Object.prototype.hasOwnProperty.call(upcasters, current.type); steps++) {
    if (steps === MAX_STEPS) throw new Error(`upcasting ${event.type} does not end: ${current.type} is upcast again after ${MAX_STEPS} steps`);
    current = upcasters[current.type](current);
  }
  if (current.type === event.type && current.data === event.data) return event;
  return { ...event, type: current.type, data: current.data, storedAs: storedFormOf(event) };
}

/** The type and data an event was stored (and hashed) with, whether or not it was upcast on read. */
export function storedFormOf(event: Pick<RecordedEvent, 'type' | 'data' | 'storedAs'>): StoredForm {
  return event.storedAs ?? { type: event.type, data: event.data };
}

/** The event exactly as stored: the stored form back in `type` and `data`, no `storedAs`. */
export function asStored<E extends RecordedEvent>(event: E): E {
  if (!event.storedAs) return event;
  const { storedAs, ...rest } = event;
  return { ...rest, type: storedAs.type, data: storedAs.data } as E;
}
