import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { AdjustBalance } from './adjust-balance.command';
import type { BalanceAdjustedAnswer } from './adjust-balance.request.dto';

/** Recorded on the account and published; payments changes the open balance by it (docs/payments.md, "Added invoices and balance adjustments"). */
@CommandHandler(AdjustBalance)
export class AdjustBalanceHandler implements ICommandHandler<AdjustBalance> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, request, context }: AdjustBalance): Promise<BalanceAdjustedAnswer> {
    const { amount, currency, reason } = request;
    const { events, state } = await decideOrRefuse(
      this.deps.eventStore,
      accountDecider,
      accountStreamId(accountId),
      { type: 'AdjustBalance', requester: { role: context.principal.role, id: context.principal.id }, adjustmentId: this.deps.newId(), amount, currency, reason, now: context.now },
      context,
    );
    const adjusted = events.find((event) => event.type === 'BalanceAdjusted');
    if (adjusted?.type !== 'BalanceAdjusted') throw new Error(`the adjustment of account ${accountId} was accepted but not recorded`);
    return { accountId, adjustmentId: adjusted.data.adjustmentId, balance: state.status === 'none' ? 0 : state.standing.balance };
  }
}
