import { Command } from '@nestjs/cqrs';
import type { PortalRedirect } from '../check-portal-identity/check-portal-identity.request.dto';
import type { PlanProposalForm } from './propose-plan.request.dto';

/** The debtor proposes a plan: agreed at once inside the self-service limits, else queued for a collector. */
export class ProposePlan extends Command<PortalRedirect> {
  constructor(
    readonly session: string,
    readonly form: PlanProposalForm,
    readonly ip: string,
  ) {
    super();
  }
}
