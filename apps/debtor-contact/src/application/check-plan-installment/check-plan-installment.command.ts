import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** An installment's deadline came: not covered, it is missed (and may default the plan). */
export class CheckPlanInstallment extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly planId: string,
    readonly number: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}
