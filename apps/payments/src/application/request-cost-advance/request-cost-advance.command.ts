import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { CostAdvanceView } from '../get-cost-advances/cost-advance.view';
import type { RequestCostAdvanceRequest } from './request-cost-advance.request.dto';

/** Ask the client to advance court costs or a suit fee for the account's suit. */
export class RequestCostAdvance extends Command<CostAdvanceView> {
  constructor(
    readonly accountId: string,
    readonly request: RequestCostAdvanceRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
