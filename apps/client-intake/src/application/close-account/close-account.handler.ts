import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { CloseAccount } from './close-account.command';

@CommandHandler(CloseAccount)
export class CloseAccountHandler implements ICommandHandler<CloseAccount> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, closingCode, context }: CloseAccount): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'CloseAccount', closingCode, now: context.now }, context);
  }
}
