import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { IntakeDependencies, settlementsStreamId } from '../../client-intake.dependencies';
import { clientSettlementsDecider } from '../../domain/settlement/client-settlements.decider';
import { DecideSettlement } from './decide-settlement.command';
import type { SettlementDecisionAnswer } from './decide-settlement.request.dto';

/** Another client's settlement is refused as unknown (404) by the decider; the answer goes to debtor contact as `SettlementDecidedByClient.v1`. */
@CommandHandler(DecideSettlement)
export class DecideSettlementHandler implements ICommandHandler<DecideSettlement> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, settlementId, decision, request, context }: DecideSettlement): Promise<SettlementDecisionAnswer> {
    const { state } = await decideOrRefuse(
      this.deps.eventStore,
      clientSettlementsDecider,
      settlementsStreamId(accountId),
      { type: 'DecideSettlement', settlementId, clientId: context.principal.id, decision, reason: request.reason ?? null, now: context.now },
      context,
    );
    const settlement = state.settlements.find((candidate) => candidate.settlementId === settlementId);
    if (!settlement?.decidedAt) throw new Error(`the decision on settlement ${settlementId} was accepted but not recorded`);
    return { accountId, settlementId, status: decision, decidedAt: settlement.decidedAt };
  }
}
