import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { DisputeOpenedAnswer, OpenDisputeRequest } from './open-dispute.request.dto';

/** A dispute: the debtor's (a collector records it) or the client's own (on its own accounts only). */
export class OpenDispute extends Command<DisputeOpenedAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: OpenDisputeRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
