import { CommandContext, OutcomeEvent, readStreamOf } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import { Decided, decideOrRefuse } from '@lib/platform';
import type { DurableScheduler } from '@lib/scheduler';
import { legalReviewWorkflow, SchedulerCommand } from '../../domain/legal-review/legal-review.workflow';
import type { ReferralCommand } from '../../domain/referral/referral.commands';
import { referralDecider } from '../../domain/referral/referral.decider';
import type { ReferralEvent } from '../../domain/referral/referral.events';
import type { ReferralState } from '../../domain/referral/referral.state';
import { referralStreamId } from '../../legal-referral.dependencies';

/**
 * Runs the legal review workflow for the events a command caused: folds the referral stream
 * up to each of them and executes what the workflow decides on the durable scheduler.
 * Every scheduler command is idempotent (a work id's first booking stands; cancelling
 * fired or cancelled work changes nothing), and on a duplicate command the outcome's events
 * are the earlier ones, so a crash between the events and the bookings is healed when the
 * message or request comes again.
 */
export async function runLegalReviewWorkflow(
  store: EventStore,
  scheduler: DurableScheduler,
  streamId: string,
  caused: readonly OutcomeEvent<ReferralEvent>[],
  context: Pick<CommandContext, 'causationId' | 'correlationId'>,
): Promise<void> {
  if (caused.length === 0) return;
  const causedIds = new Set(caused.map((event) => event.metadata.eventId));
  const commands: SchedulerCommand[] = [];
  let state = legalReviewWorkflow.initialState();
  for (const event of await readStreamOf<ReferralEvent>(store, streamId)) {
    if (causedIds.has(event.metadata.eventId)) commands.push(...legalReviewWorkflow.decide(event, state));
    state = legalReviewWorkflow.evolve(state, event);
  }
  for (const command of commands) {
    if (command.type === 'ScheduleWork') {
      const { workId, kind, dueAt, payload } = command;
      await scheduler.schedule({ workId, kind, dueAt, payload }, context.causationId, context.correlationId);
    } else {
      await scheduler.cancel(command.workId, context.causationId);
    }
  }
}

/**
 * A command on a referral case, followed by the legal review bookings its events call for.
 * A refusal throws `Refused` and books nothing.
 */
export async function handleReferralCommand(
  store: EventStore,
  scheduler: DurableScheduler,
  accountId: string,
  command: ReferralCommand,
  context: CommandContext,
): Promise<Decided<ReferralState, ReferralEvent>> {
  const streamId = referralStreamId(accountId);
  const outcome = await decideOrRefuse(store, referralDecider, streamId, command, context);
  await runLegalReviewWorkflow(store, scheduler, streamId, outcome.events, context);
  return outcome;
}
