import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint } from '@lib/platform';
import { ListPlanProposals } from './list-plan-proposals.query';
import { PlanProposalView } from './plan-proposal.view';

/** The plans debtors proposed in the portal that wait for a collector. */
@Controller('portal-plan-proposals')
export class ListPlanProposalsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['collector', 'supervisor'], tag: 'portal', answer: [PlanProposalView], description: 'Queued proposals not yet decided, oldest first (docs/portal.md, "Queued plan proposals").' })
  list(): Promise<PlanProposalView[]> {
    return this.queries.execute(new ListPlanProposals());
  }
}
