import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { RevocationAnswer, RevokeApiKeyRequest } from './revoke-api-key.request.dto';

/** An admin revokes one of a client's API keys. */
export class RevokeApiKey extends Command<RevocationAnswer> {
  constructor(
    readonly clientId: string,
    readonly keyId: string,
    readonly request: RevokeApiKeyRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
