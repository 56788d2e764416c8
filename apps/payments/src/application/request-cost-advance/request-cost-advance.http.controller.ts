import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { CostAdvanceView } from '../get-cost-advances/cost-advance.view';
import { RequestCostAdvance } from './request-cost-advance.command';
import { RequestCostAdvanceRequest } from './request-cost-advance.request.dto';

/** Legal staff or trust accounting ask the client to advance the costs of a suit: the agency and the attorney must not carry them. */
@Controller('ledgers/:accountId/cost-advances')
export class RequestCostAdvanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['legal', 'accountant', 'admin'], tag: 'cost-advances', uuidParams: ['accountId'], answer: CostAdvanceView, description: 'Requested: the advance, nothing received yet.', problems: { 404: 'No ledger for the account (rule ledger-unknown).', 422: 'Rules currency-mismatch or cost-advance-amount-positive.' } })
  request(@UuidParam('accountId') accountId: string, @Body() body: RequestCostAdvanceRequest, @Ctx() context: CommandContext): Promise<CostAdvanceView> {
    return this.commands.execute(new RequestCostAdvance(accountId, body, context));
  }
}
