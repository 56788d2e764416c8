import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@lib/platform';
import { LegalPipelineView, ReportingQueries } from '../../read-models/reporting.queries';
import { REPORTING_QUERIES } from '../../reporting.dependencies';
import { PrincipalRequest, principalOf } from '../request-context';

/** Open accounts by legal stage. A client sees only its own accounts. */
@ApiTags('reports')
@Controller('reports/legal-pipeline')
export class GetLegalPipelineController {
  constructor(@Inject(REPORTING_QUERIES) private readonly queries: ReportingQueries) {}

  @Get()
  @Roles('client', 'legal', 'supervisor', 'compliance', 'admin')
  @ApiOkResponse({ description: 'Counts by stage (every stage, zero included) and the accounts, oldest stage change first.' })
  async get(@Req() request: PrincipalRequest): Promise<LegalPipelineView> {
    const principal = principalOf(request);
    return this.queries.legalPipeline(principal.role === 'client' ? principal.id : undefined);
  }
}
