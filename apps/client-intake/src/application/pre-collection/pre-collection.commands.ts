import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { PlacedPreCollection } from '../../domain/account/pre-collection';

/** A pre-collection placement was recorded: book its reminders and its conversion on intake's scheduler. */
export class BookPreCollection extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly placedAt: string,
    readonly terms: PlacedPreCollection,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The scheduler's reminder of `day` fell due. */
export class SendPreCollectionReminder extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly day: number,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The scheduler's window end fell due. */
export class ConvertToThirdParty extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
