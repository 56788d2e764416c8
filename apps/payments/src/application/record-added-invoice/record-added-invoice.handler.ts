import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { RecordAddedInvoice } from './record-added-invoice.command';

@CommandHandler(RecordAddedInvoice)
export class RecordAddedInvoiceHandler implements ICommandHandler<RecordAddedInvoice> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, invoice, context }: RecordAddedInvoice): Promise<unknown> {
    const { currency, ...item } = invoice;
    return decideOrRefuse(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId), { type: 'AddLedgerInvoice', invoice: item, currency, now: context.now }, context);
  }
}
