import type { CommandContext, DomainEvent, EventToAppend } from '@lib/es-core';

/** A batch event with the metadata of the command (upload) or the work (a chunk) that caused it. */
export function stamped<E extends DomainEvent>(event: E, context: CommandContext): EventToAppend<E> {
  return {
    ...event,
    metadata: { eventId: context.newId(), principal: context.principal, correlationId: context.correlationId, causationId: context.causationId, occurredAt: context.now.toISOString() },
  } as EventToAppend<E>;
}
