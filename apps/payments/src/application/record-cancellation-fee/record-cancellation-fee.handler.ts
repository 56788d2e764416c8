import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { RecordCancellationFee } from './record-cancellation-fee.command';

@CommandHandler(RecordCancellationFee)
export class RecordCancellationFeeHandler implements ICommandHandler<RecordCancellationFee> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, fee, context }: RecordCancellationFee): Promise<unknown> {
    return decideOrRefuse(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId), { type: 'RecordCancellationFee', ...fee }, context);
  }
}
