import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { CancelAccount } from './cancel-account.command';
import type { ClosedAnswer } from './cancel-account.request.dto';

@CommandHandler(CancelAccount)
export class CancelAccountHandler implements ICommandHandler<CancelAccount> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, request, context }: CancelAccount): Promise<ClosedAnswer> {
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'CancelAccount', reason: request.reason, now: context.now }, context);
    return { accountId, closingCode: 'cancelled' };
  }
}
