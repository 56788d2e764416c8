import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { RecallAccountRequest, RecallAnswer } from './recall-account.request.dto';

/** The client (or a supervisor for it) withdraws an account. */
export class RecallAccount extends Command<RecallAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: RecallAccountRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
