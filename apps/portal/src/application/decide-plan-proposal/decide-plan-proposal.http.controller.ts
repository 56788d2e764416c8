import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { DecidePlanProposal } from './decide-plan-proposal.command';
import { DecidePlanProposalRequest, PlanProposalDecision } from './decide-plan-proposal.request.dto';

/** A collector acts on a plan a debtor proposed in the portal outside the self-service limits. */
@Controller('accounts/:accountId/portal-plan-proposals')
export class DecidePlanProposalController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':proposalId/decision')
  @CommandEndpoint({
    roles: ['collector', 'supervisor'],
    tag: 'portal',
    status: 200,
    uuidParams: ['accountId', 'proposalId'],
    answer: PlanProposalDecision,
    description: "The decision; when accepted, debtor contact's plan.",
    problems: {
      404: 'No such proposal queued on the account (rule plan-proposal-unknown).',
      409: 'Already decided (rule plan-proposal-decided), or debtor contact refused the plan (its rule, e.g. a plan already active).',
      422: "Debtor contact's plan terms refuse it (its rule, e.g. plan-too-many-installments).",
    },
  })
  decide(@UuidParam('accountId') accountId: string, @UuidParam('proposalId') proposalId: string, @Body() request: DecidePlanProposalRequest, @Ctx() context: CommandContext): Promise<PlanProposalDecision> {
    return this.commands.execute(new DecidePlanProposal(accountId, proposalId, request, context));
  }
}
