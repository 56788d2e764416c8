import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { costAdvancesStreamId } from '../../domain/cost-advances/cost-advance.events';
import { costAdvancesDecider } from '../../domain/cost-advances/cost-advances.decider';
import type { PaymentsDependencies } from '../../payments.dependencies';
import { RecoverJudgmentCosts } from './recover-judgment-costs.command';

/** The recovery names the judgment, so the same judgment heard again recovers nothing more. */
@CommandHandler(RecoverJudgmentCosts)
export class RecoverJudgmentCostsHandler implements ICommandHandler<RecoverJudgmentCosts> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ accountId, judgment, context }: RecoverJudgmentCosts): Promise<void> {
    await decideOrRefuse(this.deps.eventStore, costAdvancesDecider, costAdvancesStreamId(accountId), { type: 'RecoverJudgmentCosts', ...judgment, now: context.now }, context);
  }
}
