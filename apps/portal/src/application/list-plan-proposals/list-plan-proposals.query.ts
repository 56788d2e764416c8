import { Query } from '@nestjs/cqrs';
import type { PlanProposalView } from './plan-proposal.view';

/** The debtors' plan proposals queued for a collector, oldest first. */
export class ListPlanProposals extends Query<PlanProposalView[]> {}
