import { Body, Controller, Headers, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { JsonResponse } from '@lib/platform';
import { handleCommand, nameBasedId } from '@lib/es-core';
import { idempotencyCausation, principalOf, PrincipalRequest, refusalAnswer, replyOnce, Roles } from '@lib/platform';
import { clientDecider } from '../../domain/client/client.decider';
import { clientStreamId, INTAKE, IntakeDependencies } from '../../client-intake.dependencies';

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
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer and onboards no second client.' })
  @ApiCreatedResponse({ description: 'The client id and its agreement.' })
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was first used for a different request (rule idempotency-key-reused).' })
  async onboard(
    @Body() body: OnboardClientRequest,
    @Req() request: PrincipalRequest,
    @Res() response: JsonResponse,
    @Headers('idempotency-key') key?: string,
  ): Promise<void> {
    // A keyed onboarding names its client after the key: if the answer was lost after the
    // append, the retry meets the same stream, where the causation dedupe finds the first.
    const clientId = key ? nameBasedId('onboard-client', idempotencyCausation(principalOf(request), key)) : this.deps.newId();
    await replyOnce(this.deps, request, response, key, async (context) => {
      const outcome = await handleCommand(this.deps.eventStore, clientDecider, clientStreamId(clientId), { type: 'OnboardClient', clientId, name: body.name, now: context.now }, context);
      if (outcome.outcome === 'rejected') return refusalAnswer(409, outcome.rejection);
      const state = outcome.state;
      return { status: 201, body: { clientId, name: body.name, agreement: state.status === 'onboarded' ? state.agreements[0] : null } };
    });
  }
}
