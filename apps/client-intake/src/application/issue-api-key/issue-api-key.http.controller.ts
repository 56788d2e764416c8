import { Controller, Headers, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, ShownOnce, UuidParam } from '@lib/platform';
import { IssueApiKey } from './issue-api-key.command';
import { IssuedApiKeyAnswer } from './issue-api-key.request.dto';

/** An admin issues a client its API key, shown in this answer only. */
@Controller('clients/:clientId/api-keys')
export class IssueApiKeyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['admin'], tag: 'clients', uuidParams: ['clientId'], answer: IssuedApiKeyAnswer, description: 'The new API key (shown only in this answer).', problems: { 404: 'No such client (rule client-unknown).', 409: 'A retry under an Idempotency-Key: the key was already issued (rule api-key-already-issued); only its id is shown, never the key again.' } })
  issue(@UuidParam('clientId') clientId: string, @Headers('idempotency-key') idempotencyKey: string | undefined, @Ctx() context: CommandContext): Promise<ShownOnce> {
    return this.commands.execute(new IssueApiKey(clientId, idempotencyKey, context));
  }
}
