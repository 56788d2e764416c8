import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { CheckAccountIntegrity } from './check-account-integrity.query';
import { integrityReport } from './integrity-report';
import type { IntegrityReportView } from './integrity-report.view';

/**
 * Every service is asked at once; one that cannot be asked makes the verdict not ok. An
 * account no service holds answers with every service and no streams: that, too, is a
 * finding, so there is no 404 here.
 */
@QueryHandler(CheckAccountIntegrity)
export class CheckAccountIntegrityHandler implements IQueryHandler<CheckAccountIntegrity> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {}

  async execute({ accountId, caller }: CheckAccountIntegrity): Promise<IntegrityReportView> {
    const answers = await Promise.all(this.deps.auditSources.map((source) => source.read(accountId, caller)));
    return integrityReport(accountId, answers);
  }
}
