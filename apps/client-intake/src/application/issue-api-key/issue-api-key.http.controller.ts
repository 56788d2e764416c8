import { Controller, Headers, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { handleCommand } from '@lib/es-core';
import { JsonResponse, PrincipalRequest, RecordedAnswer, replyOnce, Roles } from '@lib/platform';
import { clientDecider } from '../../domain/client/client.decider';
import type { ClientEvent } from '../../domain/client/client.events';
import { clientStreamId, INTAKE, IntakeDependencies } from '../../client-intake.dependencies';
import { hashApiKey, newApiKey } from './api-key';

type ApiKeyIssued = Extract<ClientEvent, { type: 'ApiKeyIssued' }>;

/**
 * An admin issues a client its API key. The key is shown once; only its hash is stored.
 * With an Idempotency-Key, the answer kept for retries is not the key (that would store
 * the secret) but a 409 naming the key's id: a retry mints nothing and shows no secret.
 */
@ApiTags('clients')
@Controller('clients/:clientId/api-keys')
export class IssueApiKeyController {
  constructor(@Inject(INTAKE) private readonly deps: IntakeDependencies) {}

  @Post()
  @Roles('admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key mints nothing and answers 409 with the id of the key issued first.' })
  @ApiCreatedResponse({ description: 'The new API key (shown only in this answer).' })
  @ApiResponse({ status: 404, description: 'No such client.' })
  @ApiResponse({ status: 409, description: 'A retry: the key was already issued for this Idempotency-Key (rule api-key-already-issued); only its id is shown.' })
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was first used for a different request (rule idempotency-key-reused).' })
  async issue(
    @Param('clientId', new ParseUUIDPipe()) clientId: string,
    @Req() request: PrincipalRequest,
    @Res() response: JsonResponse,
    @Headers('idempotency-key') key?: string,
  ): Promise<void> {
    await replyOnce(this.deps, request, response, key, async (context) => {
      const apiKey = newApiKey(clientId);
      const outcome = await handleCommand(
        this.deps.eventStore,
        clientDecider,
        clientStreamId(clientId),
        { type: 'IssueApiKey', clientId, keyId: this.deps.newId(), keyHash: hashApiKey(apiKey) },
        context,
      );
      // Thrown, so not kept under the key: the client may yet be onboarded.
      if (outcome.outcome === 'rejected') throw new NotFoundException(outcome.rejection.reason);
      const { keyId } = (outcome.events.find((e) => e.type === 'ApiKeyIssued') as ApiKeyIssued).data;
      const retryAnswer = alreadyIssued(clientId, keyId, key);
      // A duplicate is a retry whose first answer was lost: that key's secret is gone for good.
      return outcome.outcome === 'duplicate' ? retryAnswer : { ...retryAnswer, onlyNow: { status: 201, body: { clientId, keyId, apiKey } } };
    });
  }
}

function alreadyIssued(clientId: string, keyId: string, idempotencyKey: string | undefined): RecordedAnswer {
  return {
    status: 409,
    body: {
      statusCode: 409,
      rule: 'api-key-already-issued',
      message: `API key ${keyId} was already issued for Idempotency-Key "${idempotencyKey}"; its secret is shown only once. If it was lost, issue a new key with a new Idempotency-Key.`,
      clientId,
      keyId,
    },
  };
}
