import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { ComplianceDecisionDocument } from '../../read-models/compliance-decisions.projection';
import { complianceDecisionPage, DecisionFilter } from '../../read-models/compliance-decisions.queries';
import type { ReadModelStore } from '@lib/read-models';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { ExportComplianceDecisions } from './export-compliance-decisions.query';

/** The CSV's columns, in order: the fields of a ledger entry. */
export const DECISION_CSV_COLUMNS = [
  'decidedAt',
  'rule',
  'ruleVersion',
  'decision',
  'reason',
  'action',
  'channel',
  'service',
  'accountId',
  'clientId',
  'actorRole',
  'actorId',
  'eventId',
  'streamId',
  'version',
] as const satisfies ReadonlyArray<keyof ComplianceDecisionDocument>;

const PAGE = 500;

@QueryHandler(ExportComplianceDecisions)
export class ExportComplianceDecisionsHandler implements IQueryHandler<ExportComplianceDecisions> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {}

  async execute({ filter }: ExportComplianceDecisions): Promise<AsyncIterable<string>> {
    return decisionCsvLines(this.deps.readModels, filter);
  }
}

/** RFC 4180: a header row, then one row per decision, CRLF line ends; a page of the ledger at a time. */
async function* decisionCsvLines(store: ReadModelStore, filter: DecisionFilter): AsyncGenerator<string> {
  yield `${DECISION_CSV_COLUMNS.join(',')}\r\n`;
  let after: string | null = null;
  do {
    const page = await complianceDecisionPage(store, filter, after, PAGE);
    let rows = '';
    for (const decision of page.decisions) rows += `${DECISION_CSV_COLUMNS.map((column) => csvField(decision[column])).join(',')}\r\n`;
    if (rows) yield rows;
    after = page.nextCursor;
  } while (after !== null);
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
