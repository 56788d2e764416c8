import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { DecideSettlement } from './decide-settlement.command';
import { SettlementDecisionAnswer, SettlementDecisionRequest } from './decide-settlement.request.dto';

const problems = {
  404: 'No such settlement waiting for this client (rule settlement-unknown); nothing is recorded, the Idempotency-Key included.',
  409: 'Already decided the other way (rule settlement-already-decided).',
};

/** The client answers a settlement beyond its authority that a supervisor approved (docs/debtor-contact.md, "Settlements"). */
@Controller('accounts/:accountId/settlements/:settlementId')
export class DecideSettlementController {
  constructor(private readonly commands: CommandBus) {}

  @Post('approve')
  @CommandEndpoint({ roles: ['client'], tag: 'accounts', uuidParams: ['accountId', 'settlementId'], status: 200, answer: SettlementDecisionAnswer, description: 'Approved: paid, the rest is written off and the account closes as settled.', problems })
  approve(@UuidParam('accountId') accountId: string, @UuidParam('settlementId') settlementId: string, @Body() body: SettlementDecisionRequest, @Ctx() context: CommandContext): Promise<SettlementDecisionAnswer> {
    return this.commands.execute(new DecideSettlement(accountId, settlementId, 'approved', body, context));
  }

  @Post('decline')
  @CommandEndpoint({ roles: ['client'], tag: 'accounts', uuidParams: ['accountId', 'settlementId'], status: 200, answer: SettlementDecisionAnswer, description: 'Declined: collection goes on for the whole balance.', problems })
  decline(@UuidParam('accountId') accountId: string, @UuidParam('settlementId') settlementId: string, @Body() body: SettlementDecisionRequest, @Ctx() context: CommandContext): Promise<SettlementDecisionAnswer> {
    return this.commands.execute(new DecideSettlement(accountId, settlementId, 'declined', body, context));
  }
}
