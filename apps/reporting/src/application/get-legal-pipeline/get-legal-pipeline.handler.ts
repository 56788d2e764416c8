import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { ReportingQueries } from '../../read-models/reporting.queries';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { GetLegalPipeline } from './get-legal-pipeline.query';
import type { LegalPipelineView } from './legal-pipeline.view';

/** Staff see every client's pipeline; a client sees the same report over its own accounts only. */
@QueryHandler(GetLegalPipeline)
export class GetLegalPipelineHandler implements IQueryHandler<GetLegalPipeline> {
  private readonly reports: ReportingQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {
    this.reports = new ReportingQueries(deps.readModels);
  }

  execute({ principal }: GetLegalPipeline): Promise<LegalPipelineView> {
    return this.reports.legalPipeline(this.deps.clock.now(), principal.role === 'client' ? principal.id : undefined);
  }
}
