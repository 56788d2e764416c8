import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { PlacementAnswer } from './place-account.request.dto';

/**
 * A client places one delinquent account. The body is carried as it came (`unknown`):
 * the handler validates its fields and the rules across them together (parsePlacement).
 */
export class PlaceAccount extends Command<PlacementAnswer> {
  constructor(
    readonly body: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
