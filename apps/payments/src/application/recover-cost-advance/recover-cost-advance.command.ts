import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { CostAdvanceView } from '../get-cost-advances/cost-advance.view';
import type { RecoverCostAdvanceRequest } from './recover-cost-advance.request.dto';

/** Record costs spent as added to the judgment against the debtor. */
export class RecoverCostAdvance extends Command<CostAdvanceView> {
  constructor(
    readonly accountId: string,
    readonly advanceId: string,
    readonly request: RecoverCostAdvanceRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
