import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { StatuteOfLimitationsView } from '../statute-of-limitations.view';
import { RecordSolTolling } from './record-sol-tolling.command';
import { RecordSolTollingRequest } from './record-sol-tolling.request.dto';

/** Legal records a bankruptcy stay (or another tolling) that holds the limitation clock still. */
@Controller('accounts/:accountId/statute-of-limitations/tollings')
export class RecordSolTollingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['legal', 'supervisor'], tag: 'statute-of-limitations', uuidParams: ['accountId'], answer: StatuteOfLimitationsView, description: 'Recorded: the statute of limitations recomputed with the tolling.', problems: { 404: 'No referral case for the account (rule referral-unknown).', 422: 'Rule tolling-in-future or tolling-ends-before-start.' } })
  record(@UuidParam('accountId') accountId: string, @Body() body: RecordSolTollingRequest, @Ctx() context: CommandContext): Promise<StatuteOfLimitationsView> {
    return this.commands.execute(new RecordSolTolling(accountId, body, context));
  }
}
