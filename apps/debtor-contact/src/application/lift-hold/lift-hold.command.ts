import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { HoldLiftedAnswer, LiftHoldRequest } from './lift-hold.request.dto';

/** Staff lift a hold: contact is allowed again (unless another hold or rule says no). */
export class LiftHold extends Command<HoldLiftedAnswer> {
  constructor(
    readonly accountId: string,
    readonly holdId: string,
    readonly request: LiftHoldRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
