import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { RequestWriteOffRequest, WriteOffAnswer } from './request-write-off.request.dto';

/** A collector or supervisor asks to write off the account's remaining balance, or part of it. */
export class RequestWriteOff extends Command<WriteOffAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: RequestWriteOffRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
