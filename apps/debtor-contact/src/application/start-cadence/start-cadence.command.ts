import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { PlacementSegment } from '../open-contact-case/open-contact-case.command';

/** The account's case opened: choose its contact strategy and book its first step after day 0. */
export class StartCadence extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly segment: PlacementSegment,
    readonly context: CommandContext,
  ) {
    super();
  }
}
