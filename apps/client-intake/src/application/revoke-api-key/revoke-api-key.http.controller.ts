import { Body, Controller, Headers, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { handleCommand } from '@lib/es-core';
import { JsonResponse, PrincipalRequest, refusalAnswer, replyOnce, Roles } from '@lib/platform';
import { clientDecider } from '../../domain/client/client.decider';
import type { ClientEvent } from '../../domain/client/client.events';
import { clientStreamId, INTAKE, IntakeDependencies } from '../../client-intake.dependencies';

type ApiKeyRevoked = Extract<ClientEvent, { type: 'ApiKeyRevoked' }>;

export class RevokeApiKeyRequest {
  @ApiPropertyOptional({ example: 'key pasted into a support ticket', description: 'Why the key is revoked; kept on the ApiKeyRevoked event.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}

/**
 * An admin revokes one of a client's API keys: calls with it answer 401 from the next
 * request on, the client's other keys keep working. The answer names the key by its id
 * only; neither the key nor its hash is ever shown.
 */
@ApiTags('clients')
@Controller('clients/:clientId/api-keys/:keyId/revocation')
export class RevokeApiKeyController {
  constructor(@Inject(INTAKE) private readonly deps: IntakeDependencies) {}

  @Post()
  @Roles('admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer and revokes nothing again.' })
  @ApiBody({ type: RevokeApiKeyRequest, required: false })
  @ApiCreatedResponse({ description: 'Revoked: the client id, the key id, the reason and when.' })
  @ApiResponse({ status: 404, description: 'No such client, or no such key of this client (rules client-unknown, api-key-unknown).' })
  @ApiResponse({ status: 409, description: 'The key was revoked before (rule api-key-already-revoked); nothing is recorded.' })
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was first used for a different request (rule idempotency-key-reused).' })
  async revoke(
    @Param('clientId', new ParseUUIDPipe()) clientId: string,
    @Param('keyId', new ParseUUIDPipe()) keyId: string,
    @Body() body: RevokeApiKeyRequest,
    @Req() request: PrincipalRequest,
    @Res() response: JsonResponse,
    @Headers('idempotency-key') key?: string,
  ): Promise<void> {
    await replyOnce(this.deps, request, response, key, async (context) => {
      const command = { type: 'RevokeApiKey' as const, clientId, keyId, reason: body.reason ?? null, now: context.now };
      const outcome = await handleCommand(this.deps.eventStore, clientDecider, clientStreamId(clientId), command, context);
      if (outcome.outcome === 'rejected') {
        const { rule, reason, details } = outcome.rejection;
        // Thrown, so not kept under the key: "not found" is no answer to pin.
        if (rule !== 'api-key-already-revoked') throw new NotFoundException({ statusCode: 404, error: 'Not Found', rule, message: reason });
        return refusalAnswer(409, outcome.rejection, { clientId, ...details });
      }
      // A duplicate (the first answer was lost) finds the revocation it made then.
      const { revokedAt, reason } = (outcome.events.find((e) => e.type === 'ApiKeyRevoked') as ApiKeyRevoked).data;
      return { status: 201, body: { clientId, keyId, reason, revokedAt } };
    });
  }
}
