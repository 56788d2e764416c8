import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { EndSolTollingRequest } from '../record-sol-tolling/record-sol-tolling.request.dto';
import { StatuteOfLimitationsView } from '../statute-of-limitations.view';
import { EndSolTolling } from './end-sol-tolling.command';

/** Legal records that the stay lifted (or the case was dismissed or discharged): the clock runs again. */
@Controller('accounts/:accountId/statute-of-limitations/tollings/:tollingId/end')
export class EndSolTollingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ status: 200, roles: ['legal', 'supervisor'], tag: 'statute-of-limitations', uuidParams: ['accountId', 'tollingId'], answer: StatuteOfLimitationsView, description: 'Ended: the statute of limitations recomputed.', problems: { 404: 'No referral case for the account (rule referral-unknown), or no such tolling on it (rule tolling-unknown).', 409: 'Rule tolling-already-ended (on another day).', 422: 'Rule tolling-in-future or tolling-ends-before-start.' } })
  end(@UuidParam('accountId') accountId: string, @UuidParam('tollingId') tollingId: string, @Body() body: EndSolTollingRequest, @Ctx() context: CommandContext): Promise<StatuteOfLimitationsView> {
    return this.commands.execute(new EndSolTolling(accountId, tollingId, body, context));
  }
}
