import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { cadenceStreamId, ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { cadenceDecider } from '../../domain/cadences/cadence.decider';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { syncCadenceWork } from '../cadence-work';
import { CloseContactCase } from './close-contact-case.command';

/**
 * No contact is allowed after, and the account's cadence stops (its next step's work
 * cancelled). A case this service never opened is refused (case-unknown): the message is
 * answered, not retried. A crash between the closure and the stop heals on redelivery:
 * the case is found closed (nothing recorded again) and the cadence is stopped then.
 */
@CommandHandler(CloseContactCase)
export class CloseContactCaseHandler implements ICommandHandler<CloseContactCase> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ accountId, closingCode, context }: CloseContactCase): Promise<void> {
    const store = this.deps.eventStore;
    await decideOrRefuse(store, contactCaseDecider, contactStreamId(accountId), { type: 'CloseContactCase', closingCode, now: context.now }, context);
    const { state } = await decideOrRefuse(store, cadenceDecider, cadenceStreamId(accountId), { type: 'StopCadence', closingCode, now: context.now }, context);
    await syncCadenceWork(this.scheduler, state, context);
  }
}
