import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { ReopenAfterReversal } from './reopen-after-reversal.command';

/** Reopens an account closed as paid in full when the reversal leaves a balance; otherwise changes nothing. */
@CommandHandler(ReopenAfterReversal)
export class ReopenAfterReversalHandler implements ICommandHandler<ReopenAfterReversal> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, paymentId, balanceAfter, context }: ReopenAfterReversal): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'ReopenAfterReversal', paymentId, balanceAfter, now: context.now }, context);
  }
}
