import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, Roles } from '@lib/platform';
import { RevokeApiKey } from './revoke-api-key.command';
import { RevocationAnswer, RevokeApiKeyRequest } from './revoke-api-key.request.dto';

/** An admin revokes one of a client's API keys; the body may be left out. */
@ApiTags('clients')
@Controller('clients/:clientId/api-keys/:keyId/revocation')
export class RevokeApiKeyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiParam({ name: 'clientId', format: 'uuid' })
  @ApiParam({ name: 'keyId', format: 'uuid' })
  @ApiBody({ type: RevokeApiKeyRequest, required: false })
  @CommandEndpoint({
    404: 'No such client, or no such key of this client (rules client-unknown, api-key-unknown).',
    409: 'The key was revoked before (rule api-key-already-revoked); nothing is recorded.',
  })
  @ApiCreatedResponse({ type: RevocationAnswer, description: 'Revoked: the client id, the key id, the reason and when.' })
  revoke(
    @Param('clientId', new ParseUUIDPipe()) clientId: string,
    @Param('keyId', new ParseUUIDPipe()) keyId: string,
    @Body() body: RevokeApiKeyRequest,
    @Ctx() context: CommandContext,
  ): Promise<RevocationAnswer> {
    return this.commands.execute(new RevokeApiKey(clientId, keyId, body, context));
  }
}
