import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { CostAdvanceView } from '../get-cost-advances/cost-advance.view';
import type { ReceiveCostAdvanceRequest } from './receive-cost-advance.request.dto';

/** Record the client's money for an advance as received into trust. */
export class ReceiveCostAdvance extends Command<CostAdvanceView> {
  constructor(
    readonly accountId: string,
    readonly advanceId: string,
    readonly request: ReceiveCostAdvanceRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
