import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { DefineContactStrategies } from './define-contact-strategies.command';
import { ContactStrategiesAnswer, DefineContactStrategiesRequest } from './define-contact-strategies.request.dto';

/** An admin or supervisor defines a client's contact strategies (cadences) and the segment rules that choose them. */
@Controller('clients/:clientId/strategies')
export class DefineContactStrategiesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['admin', 'supervisor'], tag: 'contact strategies', uuidParams: ['clientId'], answer: ContactStrategiesAnswer, description: 'The new definition and its version; accounts opened from now on are assigned by it.',
    problems: { 422: 'Rules strategy-starts-with-first-notice, strategy-steps-invalid, strategy-id-taken, strategy-unknown, strategy-rule-empty.' },
  })
  define(@UuidParam('clientId') clientId: string, @Body() body: DefineContactStrategiesRequest, @Ctx() context: CommandContext): Promise<ContactStrategiesAnswer> {
    return this.commands.execute(new DefineContactStrategies(clientId, body, context));
  }
}
