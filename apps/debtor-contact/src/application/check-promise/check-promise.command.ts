import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** A promise's deadline came: still pending, it is broken. */
export class CheckPromise extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly promiseId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
