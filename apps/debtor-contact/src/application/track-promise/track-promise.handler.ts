import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { ContactDependencies, promisesStreamId } from '../../debtor-contact.dependencies';
import { promiseDecider } from '../../domain/promises/promise.decider';
import { DEFAULT_ARRANGEMENT_TERMS } from '../../domain/promises/promise-terms';
import { bookPromiseChecks } from '../arrangement-work';
import { TrackPromise } from './track-promise.command';

/**
 * Runs off the service's own published promise (store, relay, consumer offset), so a crash
 * between the contact and the tracking is healed by the redelivery, as is one between the
 * tracking and the booking of its check.
 */
@CommandHandler(TrackPromise)
export class TrackPromiseHandler implements ICommandHandler<TrackPromise> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ promise, context }: TrackPromise): Promise<void> {
    const { events } = await decideOrRefuse(this.deps.eventStore, promiseDecider, promisesStreamId(promise.accountId), { type: 'TrackPromise', ...promise, graceDays: DEFAULT_ARRANGEMENT_TERMS.graceDays }, context);
    await bookPromiseChecks(this.scheduler, events, context);
  }
}
