import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { CostAdvanceView } from '../get-cost-advances/cost-advance.view';
import { RefundCostAdvance } from './refund-cost-advance.command';
import { RefundCostAdvanceRequest } from './refund-cost-advance.request.dto';

/** Trust accounting pays the unused part of an advance back to the client: money leaves trust. */
@Controller('ledgers/:accountId/cost-advances/:advanceId/refunds')
export class RefundCostAdvanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['accountant', 'admin'], tag: 'cost-advances', uuidParams: ['accountId', 'advanceId'], answer: CostAdvanceView, description: 'Refunded: the advance with what trust still holds of it.', problems: { 404: 'No such advance on the account (rule cost-advance-unknown).', 409: 'More than trust holds of the advance (rule cost-advance-exceeds-held, `details.held`).', 422: 'Rules currency-mismatch or cost-advance-amount-positive.' } })
  refund(@UuidParam('accountId') accountId: string, @UuidParam('advanceId') advanceId: string, @Body() body: RefundCostAdvanceRequest, @Ctx() context: CommandContext): Promise<CostAdvanceView> {
    return this.commands.execute(new RefundCostAdvance(accountId, advanceId, body, context));
  }
}
