import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { DurableScheduler } from '@lib/scheduler';
import { bookRemittanceRun } from '../run-remittance/remittance-run.work';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { OpenLedger } from './open-ledger.command';

@CommandHandler(OpenLedger)
export class OpenLedgerHandler implements ICommandHandler<OpenLedger> {
  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies,
    private readonly scheduler: DurableScheduler,
  ) {}

  async execute({ ledger, context }: OpenLedger): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, ledgerDecider, ledgerStreamId(ledger.accountId), { type: 'OpenLedger', ...ledger }, context);
    // A client with an account is remitted from the period its first ledger opens in; each run books the next.
    await bookRemittanceRun(this.scheduler, this.deps, ledger.clientId, context.now, context);
  }
}
