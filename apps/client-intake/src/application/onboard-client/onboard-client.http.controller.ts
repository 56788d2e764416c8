import { Body, Controller, Headers, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { JsonResponse } from '@lib/platform';
import { handleCommand } from '@lib/es-core';
import { PrincipalRequest, replyOnce, Roles } from '@lib/platform';
import { clientDecider } from '../../domain/client/client.decider';
import { clientStreamId, INTAKE, IntakeDependencies } from '../../client-intake.ports';

export class OnboardClientRequest {
  @ApiProperty({ example: 'Northwind Supplies Inc.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

/** An admin onboards a creditor client with the default agreement. */
@ApiTags('clients')
@Controller('clients')
export class OnboardClientController {
  constructor(@Inject(INTAKE) private readonly deps: IntakeDependencies) {}

  @Post()
  @Roles('admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'The client id and its agreement.' })
  async onboard(
    @Body() body: OnboardClientRequest,
    @Req() request: PrincipalRequest,
    @Res() response: JsonResponse,
    @Headers('idempotency-key') key?: string,
  ): Promise<void> {
    await replyOnce(this.deps, request, response, key, async (context) => {
      const clientId = this.deps.newId();
      const outcome = await handleCommand(this.deps.eventStore, clientDecider, clientStreamId(clientId), { type: 'OnboardClient', clientId, name: body.name, now: context.now }, context);
      if (outcome.outcome === 'rejected') return { status: 409, body: { statusCode: 409, rule: outcome.rejection.rule, message: outcome.rejection.reason } };
      const state = outcome.state;
      return { status: 201, body: { clientId, name: body.name, agreement: state.status === 'onboarded' ? state.agreements[0] : null } };
    });
  }
}
