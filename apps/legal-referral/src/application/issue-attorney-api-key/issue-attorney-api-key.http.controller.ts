import { Controller, Headers, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, ShownOnce, UuidParam } from '@lib/platform';
import { IssueAttorneyApiKey } from './issue-attorney-api-key.command';
import { IssuedAttorneyApiKeyAnswer } from './issue-attorney-api-key.request.dto';

/** An admin issues a panel attorney its API key, shown in this answer only. */
@Controller('attorneys/:attorneyId/api-keys')
export class IssueAttorneyApiKeyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['admin'], tag: 'attorneys', uuidParams: ['attorneyId'], answer: IssuedAttorneyApiKeyAnswer, description: 'The new API key (shown only in this answer).', problems: { 404: 'No such attorney on the panel (rule attorney-unknown).', 409: 'A retry under an Idempotency-Key: the key was already issued (rule api-key-already-issued); only its id is shown, never the key again.' } })
  issue(@UuidParam('attorneyId') attorneyId: string, @Headers('idempotency-key') idempotencyKey: string | undefined, @Ctx() context: CommandContext): Promise<ShownOnce> {
    return this.commands.execute(new IssueAttorneyApiKey(attorneyId, idempotencyKey, context));
  }
}
