import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { CloseSettledAccount } from './close-settled-account.command';

/** The write-off is published as a balance adjustment (payments follows it), the closing as `AccountClosed.v1` with code `settled`. */
@CommandHandler(CloseSettledAccount)
export class CloseSettledAccountHandler implements ICommandHandler<CloseSettledAccount> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ paid, context }: CloseSettledAccount): Promise<void> {
    const { accountId, settlementId, amount, currency, writeOff } = paid;
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'CloseSettledAccount', settlementId, amount, paid: paid.paid, currency, writeOff, now: context.now }, context);
  }
}
