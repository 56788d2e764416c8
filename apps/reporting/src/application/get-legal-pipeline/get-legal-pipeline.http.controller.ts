import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint } from '@lib/platform';
import { GetLegalPipeline } from './get-legal-pipeline.query';
import { LegalPipelineView } from './legal-pipeline.view';

/** Open accounts by legal stage. A client sees only its own accounts. */
@Controller('reports/legal-pipeline')
export class GetLegalPipelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['client', 'legal', 'supervisor', 'compliance', 'admin'], tag: 'reports', answer: LegalPipelineView, description: 'Counts by stage (every stage, zero included) and the accounts, oldest stage change first.' })
  get(@CurrentPrincipal() principal: Principal): Promise<LegalPipelineView> {
    return this.queries.execute(new GetLegalPipeline(principal));
  }
}
