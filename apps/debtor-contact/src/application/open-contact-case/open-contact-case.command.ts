import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { OpenContactCaseWithNotice } from '../../domain/communications/first-notice';

/** Open the case of a placed account; its first demand goes out in the same decision. */
export class OpenContactCase extends Command<void> {
  constructor(
    readonly contactCase: Omit<OpenContactCaseWithNotice, 'type' | 'now'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
