import { CommandContext, CommandOutcome, Decider, DomainEvent, handleCommand, StreamStore } from '@lib/es-core';
import { Refused } from '../http/refusal';

/** A command's outcome once it was not refused: accepted now, or found from the same command earlier. */
export type Decided<State, Event extends DomainEvent> = Exclude<CommandOutcome<State, Event>, { outcome: 'rejected' }>;

/**
 * The body of most command handlers: run the decider on its stream (read, decide, append
 * with the expected version) and turn a refusal into `Refused`, which the problem-details
 * filter answers by its rule (and an inbound message takes as the domain's answer). Events
 * a refusal must leave on the record (compliance denials) are appended first.
 */
export async function decideOrRefuse<State, Command, Event extends DomainEvent>(
  store: StreamStore,
  decider: Decider<State, Command, Event>,
  streamId: string,
  command: Command,
  context: CommandContext,
): Promise<Decided<State, Event>> {
  const outcome = await handleCommand(store, decider, streamId, command, context);
  if (outcome.outcome === 'rejected') throw new Refused(outcome.rejection);
  return outcome;
}
