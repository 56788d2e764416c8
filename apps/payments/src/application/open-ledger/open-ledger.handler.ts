import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { OpenLedger } from './open-ledger.command';

@CommandHandler(OpenLedger)
export class OpenLedgerHandler implements ICommandHandler<OpenLedger> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ ledger, context }: OpenLedger): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, ledgerDecider, ledgerStreamId(ledger.accountId), { type: 'OpenLedger', ...ledger }, context);
  }
}
