import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, promisesStreamId } from '../../debtor-contact.dependencies';
import { promiseDecider } from '../../domain/promises/promise.decider';
import { CheckPromise } from './check-promise.command';

@CommandHandler(CheckPromise)
export class CheckPromiseHandler implements ICommandHandler<CheckPromise> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, promiseId, context }: CheckPromise): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, promiseDecider, promisesStreamId(accountId), { type: 'CheckPromise', promiseId, now: context.now }, context);
  }
}
