import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { LEGAL_RATE_BP, ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { ApplyLegalRate } from './apply-legal-rate.command';

@CommandHandler(ApplyLegalRate)
export class ApplyLegalRateHandler implements ICommandHandler<ApplyLegalRate> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, context }: ApplyLegalRate): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId), { type: 'ApplyLegalRate', accountId, rateBp: LEGAL_RATE_BP, now: context.now }, context);
  }
}
