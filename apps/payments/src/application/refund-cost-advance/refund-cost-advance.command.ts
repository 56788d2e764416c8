import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { CostAdvanceView } from '../get-cost-advances/cost-advance.view';
import type { RefundCostAdvanceRequest } from './refund-cost-advance.request.dto';

/** Pay what of an advance was not spent back to the client, out of trust. */
export class RefundCostAdvance extends Command<CostAdvanceView> {
  constructor(
    readonly accountId: string,
    readonly advanceId: string,
    readonly request: RefundCostAdvanceRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
