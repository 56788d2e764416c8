import { Controller, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { handleCommand } from '@lib/es-core';
import { PrincipalRequest, requestContext, Roles } from '@lib/platform';
import { clientDecider } from '../../domain/client/client.decider';
import { clientStreamId, INTAKE, IntakeDependencies } from '../../client-intake.ports';
import { hashApiKey, newApiKey } from './api-key';

/** An admin issues a client its API key. The key is shown once; only its hash is stored. */
@ApiTags('clients')
@Controller('clients/:clientId/api-keys')
export class IssueApiKeyController {
  constructor(@Inject(INTAKE) private readonly deps: IntakeDependencies) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The new API key (shown only in this answer).' })
  async issue(@Param('clientId', new ParseUUIDPipe()) clientId: string, @Req() request: PrincipalRequest): Promise<{ clientId: string; keyId: string; apiKey: string }> {
    const keyId = this.deps.newId();
    const apiKey = newApiKey(clientId);
    const outcome = await handleCommand(
      this.deps.eventStore,
      clientDecider,
      clientStreamId(clientId),
      { type: 'IssueApiKey', clientId, keyId, keyHash: hashApiKey(apiKey) },
      requestContext(request, this.deps),
    );
    if (outcome.outcome === 'rejected') throw new NotFoundException(outcome.rejection.reason);
    return { clientId, keyId, apiKey };
  }
}
