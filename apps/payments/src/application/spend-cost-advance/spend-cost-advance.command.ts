import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { CostAdvanceView } from '../get-cost-advances/cost-advance.view';
import type { SpendCostAdvanceRequest } from './spend-cost-advance.request.dto';

/** Pay costs out of trust from an advance held. */
export class SpendCostAdvance extends Command<CostAdvanceView> {
  constructor(
    readonly accountId: string,
    readonly advanceId: string,
    readonly request: SpendCostAdvanceRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
