import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint } from '@lib/platform';
import { ComplianceDecisionPageView } from './compliance-decision.view';
import { decisionFilterOf } from './decision-filter';
import { GetComplianceDecisions } from './get-compliance-decisions.query';
import { GetComplianceDecisionsRequest } from './get-compliance-decisions.request.dto';

/**
 * The compliance decision ledger: every allow/deny decision of a rule that a service
 * recorded (contact attempts and messages, legal reviews), filtered, a page at a time.
 */
@Controller('reports')
export class GetComplianceDecisionsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('compliance-decisions')
  @QueryEndpoint({ roles: ['compliance', 'admin'], tag: 'audit', answer: ComplianceDecisionPageView, description: 'Decisions in the order they were recorded, `limit` a page (default 100); `nextCursor` continues.' })
  get(@Query() request: GetComplianceDecisionsRequest): Promise<ComplianceDecisionPageView> {
    return this.queries.execute(new GetComplianceDecisions(decisionFilterOf(request), request.cursor ?? null, request.limit ?? 100));
  }
}
