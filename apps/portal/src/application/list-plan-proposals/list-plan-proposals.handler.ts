import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { QueuedPlanProposals } from '../shared/queued-plan-proposals';
import { ListPlanProposals } from './list-plan-proposals.query';
import type { PlanProposalView } from './plan-proposal.view';

@QueryHandler(ListPlanProposals)
export class ListPlanProposalsHandler implements IQueryHandler<ListPlanProposals> {
  constructor(private readonly proposals: QueuedPlanProposals) {}

  execute(): Promise<PlanProposalView[]> {
    return this.proposals.list();
  }
}
