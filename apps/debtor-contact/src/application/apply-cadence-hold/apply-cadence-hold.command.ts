import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/**
 * The adapter point between holds and cadences: a hold placed on the account pauses its
 * cadence, its lifting resumes it where it was. The holds' consumer (or event handler)
 * sends this with the hold's id and its own `placedAt` / `liftedAt`
 * (docs/debtor-contact.md, "Holds pause a cadence").
 */
export class ApplyCadenceHold extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly holdId: string,
    readonly change: 'placed' | 'lifted',
    /** ISO instant the hold was placed or lifted. */
    readonly at: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
