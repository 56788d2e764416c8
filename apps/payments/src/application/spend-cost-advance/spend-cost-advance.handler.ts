import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { costAdvancesStreamId } from '../../domain/cost-advances/cost-advance.events';
import { costAdvancesDecider } from '../../domain/cost-advances/cost-advances.decider';
import type { PaymentsDependencies } from '../../payments.dependencies';
import { costAdvanceView, CostAdvanceView } from '../get-cost-advances/cost-advance.view';
import { SpendCostAdvance } from './spend-cost-advance.command';

@CommandHandler(SpendCostAdvance)
export class SpendCostAdvanceHandler implements ICommandHandler<SpendCostAdvance> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, advanceId, request, context }: SpendCostAdvance): Promise<CostAdvanceView> {
    const { state } = await decideOrRefuse(
      this.deps.eventStore,
      costAdvancesDecider,
      costAdvancesStreamId(accountId),
      { type: 'SpendCostAdvance', advanceId, amount: request.amount, currency: request.currency, paidTo: request.paidTo, now: context.now },
      context,
    );
    const advance = state.advances.find((a) => a.advanceId === advanceId);
    if (!advance) throw new Error(`cost advance ${advanceId} was accepted but is not on account ${accountId}`);
    return costAdvanceView(advance);
  }
}
