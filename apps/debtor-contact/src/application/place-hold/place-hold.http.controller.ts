import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { PlaceHold } from './place-hold.command';
import { HoldPlacedAnswer, PlaceHoldRequest } from './place-hold.request.dto';

/** Staff pause collection on an account: no outbound contact while the hold is in force. */
@Controller('cases/:accountId/holds')
export class PlaceHoldController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['collector', 'supervisor', 'legal'], tag: 'holds and disputes', uuidParams: ['accountId'], answer: HoldPlacedAnswer, description: 'The hold is in force.',
    problems: {
      404: 'No contact case for the account (rule case-unknown).',
      409: 'The case is closed (case-closed), or a bankruptcy already holds it (bankruptcy-already-filed).',
      422: 'A bankruptcy without its filing, a filing on another kind, an end date on a bankruptcy or a filing in the future (hold-bankruptcy-filing); an end date not after now (hold-ends-in-past).',
    },
  })
  place(@UuidParam('accountId') accountId: string, @Body() body: PlaceHoldRequest, @Ctx() context: CommandContext): Promise<HoldPlacedAnswer> {
    return this.commands.execute(new PlaceHold(accountId, body, context));
  }
}
