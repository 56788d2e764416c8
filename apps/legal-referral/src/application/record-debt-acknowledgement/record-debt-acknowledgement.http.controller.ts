import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { StatuteOfLimitationsView } from '../statute-of-limitations.view';
import { RecordDebtAcknowledgement } from './record-debt-acknowledgement.command';
import { RecordDebtAcknowledgementRequest } from './record-debt-acknowledgement.request.dto';

/** Legal records that the debtor acknowledged the debt in a signed writing. */
@Controller('accounts/:accountId/statute-of-limitations/acknowledgements')
export class RecordDebtAcknowledgementController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['legal', 'supervisor'], tag: 'statute-of-limitations', uuidParams: ['accountId'], answer: StatuteOfLimitationsView, description: 'Recorded: the statute of limitations recomputed with the acknowledgement.', problems: { 404: 'No referral case for the account (rule referral-unknown).', 422: 'Rule acknowledgement-in-future.' } })
  record(@UuidParam('accountId') accountId: string, @Body() body: RecordDebtAcknowledgementRequest, @Ctx() context: CommandContext): Promise<StatuteOfLimitationsView> {
    return this.commands.execute(new RecordDebtAcknowledgement(accountId, body, context));
  }
}
