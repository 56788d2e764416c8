import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { agreementsDecider } from '../../domain/commission-plan/agreements.decider';
import { LEGAL_RATE_BP, ledgerDecider } from '../../domain/ledger/ledger.decider';
import { agreementsStreamId, ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { ApplyLegalRate } from './apply-legal-rate.command';

/**
 * The legal rate from the forwarding's moment: payments posted since at the old rate are
 * corrected, each under the agreement version its stamp names (from payments' own store).
 */
@CommandHandler(ApplyLegalRate)
export class ApplyLegalRateHandler implements ICommandHandler<ApplyLegalRate> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, forwardedAt, context }: ApplyLegalRate): Promise<void> {
    const { state: ledger } = await aggregateStream(this.deps.eventStore, ledgerDecider, ledgerStreamId(accountId));
    const agreements = ledger.status === 'open' ? (await aggregateStream(this.deps.eventStore, agreementsDecider, agreementsStreamId(ledger.clientId))).state.versions : [];
    await decideOrRefuse(
      this.deps.eventStore,
      ledgerDecider,
      ledgerStreamId(accountId),
      { type: 'ApplyLegalRate', accountId, rateBp: LEGAL_RATE_BP, forwardedAt: new Date(forwardedAt), agreements, now: context.now },
      context,
    );
  }
}
