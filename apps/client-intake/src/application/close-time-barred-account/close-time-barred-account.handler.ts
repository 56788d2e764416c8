import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { CloseTimeBarredAccount } from './close-time-barred-account.command';

@CommandHandler(CloseTimeBarredAccount)
export class CloseTimeBarredAccountHandler implements ICommandHandler<CloseTimeBarredAccount> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, expiredOn, reason, context }: CloseTimeBarredAccount): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'CloseTimeBarredAccount', expiredOn, reason, now: context.now }, context);
  }
}
