import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { AnalyticsQueries } from '../../read-models/analytics.queries';
import { remittanceHistoryOf } from '../../read-models/remittance-history.projection';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { assertVisibleTo } from '../client-visibility';
import { GetRemittanceHistory } from './get-remittance-history.query';
import type { RemittanceHistoryView } from './remittance-history.view';

/**
 * A client's remittance statements as payments announced them (docs/reporting.md,
 * "Remittance history"). A client sees only its own, before its first statement too (an
 * empty list); staff see any client reporting knows of; anything else answers 404.
 */
@QueryHandler(GetRemittanceHistory)
export class GetRemittanceHistoryHandler implements IQueryHandler<GetRemittanceHistory> {
  private readonly analytics: AnalyticsQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {
    this.analytics = new AnalyticsQueries(deps.readModels);
  }

  async execute({ clientId, principal }: GetRemittanceHistory): Promise<RemittanceHistoryView> {
    const remittances = principal.role === 'client' && principal.id !== clientId ? [] : await remittanceHistoryOf(this.deps.readModels, clientId);
    const known = (principal.role === 'client' && principal.id === clientId) || remittances.length > 0 || (await this.analytics.knowsClient(clientId));
    assertVisibleTo(principal, known ? clientId : null, { rule: 'client-unknown', reason: `no report of client ${clientId}` });
    return { clientId, remittances };
  }
}
