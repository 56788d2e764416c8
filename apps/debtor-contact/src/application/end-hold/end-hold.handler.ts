import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { holdsDecider } from '../../domain/holds/holds.decider';
import { EndHold } from './end-hold.command';

@CommandHandler(EndHold)
export class EndHoldHandler implements ICommandHandler<EndHold> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId, holdId, context }: EndHold): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, holdsDecider, contactStreamId(accountId), { type: 'EndHold', holdId, now: context.now }, context);
  }
}
