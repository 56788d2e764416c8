import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { agreementsDecider } from '../../domain/commission-plan/agreements.decider';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { agreementsStreamId, ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { EndLegalRate } from './end-legal-rate.command';

/** The agreement is read from payments' own store, as for every commission decision. */
@CommandHandler(EndLegalRate)
export class EndLegalRateHandler implements ICommandHandler<EndLegalRate> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, closedAt, context }: EndLegalRate): Promise<void> {
    const { state: ledger } = await aggregateStream(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId));
    const agreements = ledger.status === 'open' ? (await aggregateStream(this.deps.eventStore, agreementsDecider, agreementsStreamId(ledger.clientId))).state.versions : [];
    await decideOrRefuse(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId), { type: 'EndLegalRate', accountId, closedAt: new Date(closedAt), agreements, now: context.now }, context);
  }
}
