import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { complianceDecisionPage } from '../../read-models/compliance-decisions.queries';
import type { ReportingDependencies } from '../../reporting.dependencies';
import type { ComplianceDecisionPageView } from './compliance-decision.view';
import { cursorOf, positionOf } from './decision-filter';
import { GetComplianceDecisions } from './get-compliance-decisions.query';

@QueryHandler(GetComplianceDecisions)
export class GetComplianceDecisionsHandler implements IQueryHandler<GetComplianceDecisions> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {}

  async execute({ filter, cursor, limit }: GetComplianceDecisions): Promise<ComplianceDecisionPageView> {
    const page = await complianceDecisionPage(this.deps.readModels, filter, cursor === null ? null : positionOf(cursor), limit);
    return { decisions: page.decisions, nextCursor: page.nextCursor === null ? null : cursorOf(page.nextCursor) };
  }
}
