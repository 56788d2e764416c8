import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { WriteOffBalance } from './write-off-balance.command';

/** The write-off is published as a balance adjustment (payments follows it); a full one also as `AccountClosed.v1` with code `written-off`. */
@CommandHandler(WriteOffBalance)
export class WriteOffBalanceHandler implements ICommandHandler<WriteOffBalance> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ approved, context }: WriteOffBalance): Promise<void> {
    const { accountId, writeOffId, writeOff, full, currency, reason } = approved;
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'WriteOffBalance', writeOffId, writeOff, full, currency, reason, now: context.now }, context);
  }
}
