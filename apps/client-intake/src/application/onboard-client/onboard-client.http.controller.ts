import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, Roles } from '@lib/platform';
import { OnboardClient } from './onboard-client.command';
import { OnboardClientRequest, OnboardedClientAnswer } from './onboard-client.request.dto';

/** An admin onboards a creditor client with the default agreement. */
@ApiTags('clients')
@Controller('clients')
export class OnboardClientController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @CommandEndpoint()
  @ApiCreatedResponse({ type: OnboardedClientAnswer, description: 'The client id and its agreement.' })
  onboard(@Body() body: OnboardClientRequest, @Ctx() context: CommandContext): Promise<OnboardedClientAnswer> {
    return this.commands.execute(new OnboardClient(body, context));
  }
}
