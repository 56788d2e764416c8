import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { RecordBalanceAdjustment } from './record-balance-adjustment.command';

@CommandHandler(RecordBalanceAdjustment)
export class RecordBalanceAdjustmentHandler implements ICommandHandler<RecordBalanceAdjustment> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, adjustment, context }: RecordBalanceAdjustment): Promise<unknown> {
    return decideOrRefuse(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId), { type: 'AdjustOpenBalance', ...adjustment, now: context.now }, context);
  }
}
