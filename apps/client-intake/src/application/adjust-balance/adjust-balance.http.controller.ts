import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { AdjustBalance } from './adjust-balance.command';
import { AdjustBalanceRequest, BalanceAdjustedAnswer } from './adjust-balance.request.dto';

/** What the debtor owes changes, up or down, with a reason on the record. */
@Controller('accounts/:accountId/balance-adjustments')
export class AdjustBalanceController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['client', 'supervisor', 'accountant'],
    tag: 'accounts',
    uuidParams: ['accountId'],
    answer: BalanceAdjustedAnswer,
    description: 'The adjustment is recorded; payments changes the open balance by it.',
    problems: {
      404: 'No such account, or (for a client) not one of its own (rule account-unknown).',
      409: 'The account is closed (rule account-closed), or the adjustment would take the balance below what the debtor has paid (rule adjustment-below-paid).',
      422: "Another currency than the account's (rule currency-mismatch), or an account owing more than the largest safe amount (adjustment-amount-nonzero).",
    },
  })
  adjust(@UuidParam('accountId') accountId: string, @Body() body: AdjustBalanceRequest, @Ctx() context: CommandContext): Promise<BalanceAdjustedAnswer> {
    return this.commands.execute(new AdjustBalance(accountId, body, context));
  }
}
