import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { AnalyticsQueries } from '../../read-models/analytics.queries';
import { trustLedgerOf } from '../../read-models/trust-ledger.projection';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { assertVisibleTo } from '../client-visibility';
import { GetTrustLedger } from './get-trust-ledger.query';
import type { TrustLedgerView } from './trust-ledger.view';

/**
 * A client's trust journal as reporting re-derives it from payments' messages
 * (docs/reporting.md, "Trust ledger"). A client sees only its own, before its first
 * payment too (no currencies); staff see any client reporting knows of; anything else 404.
 */
@QueryHandler(GetTrustLedger)
export class GetTrustLedgerHandler implements IQueryHandler<GetTrustLedger> {
  private readonly analytics: AnalyticsQueries;

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {
    this.analytics = new AnalyticsQueries(deps.readModels);
  }

  async execute({ clientId, principal }: GetTrustLedger): Promise<TrustLedgerView> {
    const ledger = principal.role === 'client' && principal.id !== clientId ? null : await trustLedgerOf(this.deps.readModels, clientId);
    const known = (principal.role === 'client' && principal.id === clientId) || ledger !== null || (await this.analytics.knowsClient(clientId));
    assertVisibleTo(principal, known ? clientId : null, { rule: 'client-unknown', reason: `no report of client ${clientId}` });
    return ledger ?? { clientId, currencies: [] };
  }
}
