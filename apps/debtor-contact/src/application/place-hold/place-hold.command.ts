import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { HoldPlacedAnswer, PlaceHoldRequest } from './place-hold.request.dto';

/** Staff place a client hold, a bankruptcy stay or a deceased hold on the account. */
export class PlaceHold extends Command<HoldPlacedAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: PlaceHoldRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
