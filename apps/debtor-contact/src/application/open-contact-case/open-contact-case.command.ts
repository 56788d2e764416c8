import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { OpenContactCase as OpenContactCaseDecision } from '../../domain/contact-case/contact-case.commands';

/** Open the case of a placed account; its first demand goes out in the same decision. */
export class OpenContactCase extends Command<void> {
  constructor(
    readonly contactCase: Omit<OpenContactCaseDecision, 'type' | 'now'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
