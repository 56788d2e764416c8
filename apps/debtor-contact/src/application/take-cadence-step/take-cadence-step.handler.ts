import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { cadenceStreamId, ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { cadenceDecider, stepToTake } from '../../domain/cadences/cadence.decider';
import { cadenceLetterDecider, cadencePurpose } from '../../domain/cadences/cadence-messages';
import { LETTER_ACTIONS } from '../../domain/cadences/contact-strategy';
import { syncCadenceWork } from '../cadence-work';
import { TakeCadenceStep } from './take-cadence-step.command';

/**
 * A letter step queues its messages on the case first (the dispatcher sends them under
 * the contact rules of sending time), then records the step on the cadence and books the
 * next. A crash in between runs the work again: the messages are found queued (their ids
 * derive from the step), the step is recorded with them, once.
 */
@CommandHandler(TakeCadenceStep)
export class TakeCadenceStepHandler implements ICommandHandler<TakeCadenceStep> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ accountId, index, epoch, context }: TakeCadenceStep): Promise<void> {
    const store = this.deps.eventStore;
    const { state } = await aggregateStream(store, cadenceDecider, cadenceStreamId(accountId));
    const take = stepToTake(state, index, epoch, context.now);
    let messageIds: string[] = [];
    if (take) {
      const action = take.run.steps[index].action;
      if (LETTER_ACTIONS.includes(action)) {
        const { state: communications } = await decideOrRefuse(store, cadenceLetterDecider, contactStreamId(accountId), { type: 'QueueCadenceLetter', index, action, now: context.now }, context);
        const purpose = cadencePurpose(index, action);
        messageIds = Object.values(communications.messages)
          .filter((message) => message.queued.purpose === purpose)
          .map((message) => message.queued.messageId);
      }
    }
    const { state: after } = await decideOrRefuse(store, cadenceDecider, cadenceStreamId(accountId), { type: 'TakeCadenceStep', index, epoch, messageIds, now: context.now }, context);
    await syncCadenceWork(this.scheduler, after, context);
  }
}
