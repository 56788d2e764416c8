import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { DisputeResolvedAnswer, ResolveDisputeRequest } from './resolve-dispute.request.dto';

/** A supervisor resolves a dispute: upheld or rejected, with the evidence. */
export class ResolveDispute extends Command<DisputeResolvedAnswer> {
  constructor(
    readonly accountId: string,
    readonly disputeId: string,
    readonly request: ResolveDisputeRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
