import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { OpenContactCaseWithNotice } from '../../domain/communications/first-notice';
import type { AccountCategory } from '../../domain/cadences/contact-strategy';

/** What the choice of a contact strategy reads from the placement beyond the case (docs/debtor-contact.md, "Contact strategies"). */
export interface PlacementSegment {
  category: AccountCategory | null;
  /** YYYY-MM-DD: the oldest invoice's due date; null when the placement listed none. */
  oldestDueDate: string | null;
}

/** Open the case of a placed account; its first demand goes out in the same decision. */
export class OpenContactCase extends Command<void> {
  constructor(
    readonly contactCase: Omit<OpenContactCaseWithNotice, 'type' | 'now'>,
    readonly context: CommandContext,
    readonly segment: PlacementSegment = { category: null, oldestDueDate: null },
  ) {
    super();
  }
}
