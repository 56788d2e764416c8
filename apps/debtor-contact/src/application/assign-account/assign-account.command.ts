import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { AssignmentAnswer } from './assign-account.request.dto';

/** A supervisor assigns the account to a collector, reassigns it, or returns it to the pool (`null`). */
export class AssignAccount extends Command<AssignmentAnswer> {
  constructor(
    readonly accountId: string,
    readonly collectorId: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}
