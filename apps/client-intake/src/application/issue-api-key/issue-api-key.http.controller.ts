import { Controller, Headers, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, Roles, ShownOnce } from '@lib/platform';
import { IssueApiKey } from './issue-api-key.command';
import { IssuedApiKeyAnswer } from './issue-api-key.request.dto';

/** An admin issues a client its API key, shown in this answer only. */
@ApiTags('clients')
@Controller('clients/:clientId/api-keys')
export class IssueApiKeyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiParam({ name: 'clientId', format: 'uuid' })
  @CommandEndpoint({
    404: 'No such client (rule client-unknown).',
    409: 'A retry under an Idempotency-Key: the key was already issued (rule api-key-already-issued); only its id is shown, never the key again.',
  })
  @ApiCreatedResponse({ type: IssuedApiKeyAnswer, description: 'The new API key (shown only in this answer).' })
  issue(@Param('clientId', new ParseUUIDPipe()) clientId: string, @Headers('idempotency-key') idempotencyKey: string | undefined, @Ctx() context: CommandContext): Promise<ShownOnce> {
    return this.commands.execute(new IssueApiKey(clientId, idempotencyKey, context));
  }
}
