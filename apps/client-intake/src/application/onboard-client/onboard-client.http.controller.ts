import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx } from '@lib/platform';
import { OnboardClient } from './onboard-client.command';
import { OnboardClientRequest, OnboardedClientAnswer } from './onboard-client.request.dto';

/** An admin onboards a creditor client with the default agreement. */
@Controller('clients')
export class OnboardClientController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['admin'], tag: 'clients', answer: OnboardedClientAnswer, description: 'The client id and its agreement.' })
  onboard(@Body() body: OnboardClientRequest, @Ctx() context: CommandContext): Promise<OnboardedClientAnswer> {
    return this.commands.execute(new OnboardClient(body, context));
  }
}
