import { Query } from '@nestjs/cqrs';
import type { DecisionFilter } from '../../read-models/compliance-decisions.queries';
import type { ComplianceDecisionPageView } from './compliance-decision.view';

export class GetComplianceDecisions extends Query<ComplianceDecisionPageView> {
  constructor(
    readonly filter: DecisionFilter,
    /** The `nextCursor` of the page before, as given. */
    readonly cursor: string | null,
    readonly limit: number,
  ) {
    super();
  }
}
