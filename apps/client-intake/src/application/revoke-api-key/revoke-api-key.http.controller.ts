import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody } from '@nestjs/swagger';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { RevokeApiKey } from './revoke-api-key.command';
import { RevocationAnswer, RevokeApiKeyRequest } from './revoke-api-key.request.dto';

/** An admin revokes one of a client's API keys; the body may be left out. */
@Controller('clients/:clientId/api-keys/:keyId/revocation')
export class RevokeApiKeyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiBody({ type: RevokeApiKeyRequest, required: false })
  @CommandEndpoint({ roles: ['admin'], tag: 'clients', uuidParams: ['clientId', 'keyId'], answer: RevocationAnswer, description: 'Revoked: the client id, the key id, the reason and when.', problems: { 404: 'No such client, or no such key of this client (rules client-unknown, api-key-unknown).', 409: 'The key was revoked before (rule api-key-already-revoked); nothing is recorded.' } })
  revoke(@UuidParam('clientId') clientId: string, @UuidParam('keyId') keyId: string, @Body() body: RevokeApiKeyRequest, @Ctx() context: CommandContext): Promise<RevocationAnswer> {
    return this.commands.execute(new RevokeApiKey(clientId, keyId, body, context));
  }
}
