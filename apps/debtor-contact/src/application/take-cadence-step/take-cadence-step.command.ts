import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** The scheduler's work for a cadence step fired: take the step if it is still the one due. */
export class TakeCadenceStep extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly index: number,
    readonly epoch: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
