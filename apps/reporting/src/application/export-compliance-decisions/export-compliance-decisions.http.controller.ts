import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { QueryEndpoint } from '@lib/platform';
import { Readable } from 'node:stream';
import { decisionFilterOf } from '../get-compliance-decisions/decision-filter';
import { ComplianceDecisionFilterRequest } from '../get-compliance-decisions/get-compliance-decisions.request.dto';
import { ExportComplianceDecisions } from './export-compliance-decisions.query';

/** The compliance decision ledger, every decision the filters select, as a CSV download. */
@Controller('reports')
export class ExportComplianceDecisionsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('compliance-decisions.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'RFC 4180 CSV, a header row then one row per decision in recorded order', content: { 'text/csv': { schema: { type: 'string' } } } })
  @QueryEndpoint({ roles: ['compliance', 'admin'], tag: 'audit' })
  async export(@Query() request: ComplianceDecisionFilterRequest): Promise<StreamableFile> {
    return new StreamableFile(Readable.from(await this.queries.execute(new ExportComplianceDecisions(decisionFilterOf(request)))), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="compliance-decisions.csv"',
    });
  }
}
