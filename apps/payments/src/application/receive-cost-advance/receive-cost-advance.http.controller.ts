import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { CostAdvanceView } from '../get-cost-advances/cost-advance.view';
import { ReceiveCostAdvance } from './receive-cost-advance.command';
import { ReceiveCostAdvanceRequest } from './receive-cost-advance.request.dto';

/** Trust accounting records the client's money for costs as it arrives in trust. */
@Controller('ledgers/:accountId/cost-advances/:advanceId/receipts')
export class ReceiveCostAdvanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['accountant', 'admin'], tag: 'cost-advances', uuidParams: ['accountId', 'advanceId'], answer: CostAdvanceView, description: 'Received: the advance with what trust now holds of it.', problems: { 404: 'No such advance on the account (rule cost-advance-unknown).', 409: 'More than is still to come (rule receipt-exceeds-request, `details.outstanding`).', 422: 'Rules currency-mismatch or cost-advance-amount-positive.' } })
  receive(@UuidParam('accountId') accountId: string, @UuidParam('advanceId') advanceId: string, @Body() body: ReceiveCostAdvanceRequest, @Ctx() context: CommandContext): Promise<CostAdvanceView> {
    return this.commands.execute(new ReceiveCostAdvance(accountId, advanceId, body, context));
  }
}
