import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { CostAdvanceView } from '../get-cost-advances/cost-advance.view';
import { SpendCostAdvance } from './spend-cost-advance.command';
import { SpendCostAdvanceRequest } from './spend-cost-advance.request.dto';

/** Legal staff or trust accounting pay a cost of the suit from the client's advance held in trust. */
@Controller('ledgers/:accountId/cost-advances/:advanceId/spending')
export class SpendCostAdvanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['legal', 'accountant', 'admin'], tag: 'cost-advances', uuidParams: ['accountId', 'advanceId'], answer: CostAdvanceView, description: 'Spent: the advance with what trust still holds of it.', problems: { 404: 'No such advance on the account (rule cost-advance-unknown).', 409: 'More than trust holds of the advance (rule cost-advance-exceeds-held, `details.held`).', 422: 'Rules currency-mismatch or cost-advance-amount-positive.' } })
  spend(@UuidParam('accountId') accountId: string, @UuidParam('advanceId') advanceId: string, @Body() body: SpendCostAdvanceRequest, @Ctx() context: CommandContext): Promise<CostAdvanceView> {
    return this.commands.execute(new SpendCostAdvance(accountId, advanceId, body, context));
  }
}
