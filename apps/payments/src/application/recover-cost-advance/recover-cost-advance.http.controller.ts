import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { CostAdvanceView } from '../get-cost-advances/cost-advance.view';
import { RecoverCostAdvance } from './recover-cost-advance.command';
import { RecoverCostAdvanceRequest } from './recover-cost-advance.request.dto';

/** Trust accounting records costs spent as added to the judgment: the debtor owes them, no money moves. */
@Controller('ledgers/:accountId/cost-advances/:advanceId/recoveries')
export class RecoverCostAdvanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['accountant', 'admin'], tag: 'cost-advances', uuidParams: ['accountId', 'advanceId'], answer: CostAdvanceView, description: 'Recovered: the advance with what of its costs is on a judgment.', problems: { 404: 'No such advance on the account (rule cost-advance-unknown).', 409: 'More than was spent and not yet recovered (rule recovery-exceeds-spent, `details.recoverable`).', 422: 'Rules currency-mismatch or cost-advance-amount-positive.' } })
  recover(@UuidParam('accountId') accountId: string, @UuidParam('advanceId') advanceId: string, @Body() body: RecoverCostAdvanceRequest, @Ctx() context: CommandContext): Promise<CostAdvanceView> {
    return this.commands.execute(new RecoverCostAdvance(accountId, advanceId, body, context));
  }
}
