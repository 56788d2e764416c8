import { Query } from '@nestjs/cqrs';
import type { DecisionFilter } from '../../read-models/compliance-decisions.queries';

/** The whole filtered ledger as CSV lines (header row first), written while they are read. */
export class ExportComplianceDecisions extends Query<AsyncIterable<string>> {
  constructor(readonly filter: DecisionFilter) {
    super();
  }
}
