import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { DecidePlanProposalRequest, PlanProposalDecision } from './decide-plan-proposal.request.dto';

/** A collector accepts or declines a debtor's queued plan proposal. */
export class DecidePlanProposal extends Command<PlanProposalDecision> {
  constructor(
    readonly accountId: string,
    readonly proposalId: string,
    readonly request: DecidePlanProposalRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
