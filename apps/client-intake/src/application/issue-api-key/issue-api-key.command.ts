import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ShownOnce } from '@lib/platform';

/**
 * An admin issues a client a new API key. The caller's Idempotency-Key, when sent, is
 * carried only to be named in the answer a retry gets (the key is not shown twice).
 */
export class IssueApiKey extends Command<ShownOnce> {
  constructor(
    readonly clientId: string,
    readonly idempotencyKey: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
