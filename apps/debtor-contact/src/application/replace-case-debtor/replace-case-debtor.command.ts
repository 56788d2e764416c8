import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { CaseDebtor } from '../../domain/contact-case/contact-case.events';

/** Intake updated the debtor's data: the case's debtor is replaced by it. */
export class ReplaceCaseDebtor extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly debtor: CaseDebtor,
    readonly changed: string[],
    readonly context: CommandContext,
  ) {
    super();
  }
}
