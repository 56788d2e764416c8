import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint } from '@lib/platform';
import { GetTrustReconciliation } from './get-trust-reconciliation.query';
import { TrustReconciliationRequest } from './get-trust-reconciliation.request.dto';
import { trustReconciliationCsv } from './trust-reconciliation.csv';
import { TrustReconciliationView } from './trust-reconciliation.view';

/** The trust account reconciled, for accountants: every account's balance and whether trust cash equals what is held for others. */
@Controller('trust')
export class GetTrustReconciliationController {
  constructor(private readonly queries: QueryBus) {}

  @Get('reconciliation')
  @QueryEndpoint({ roles: ['accountant'], tag: 'trust', answer: TrustReconciliationView, description: 'Trust cash, payables per client, fee income, credits owed, receivables, per currency, and whether the invariant holds.' })
  reconciliation(@Query() query: TrustReconciliationRequest): Promise<TrustReconciliationView> {
    return this.queries.execute(new GetTrustReconciliation(query.clientId, query.asOf));
  }

  @Get('reconciliation.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @QueryEndpoint({ roles: ['accountant'], tag: 'trust', produces: 'text/csv', answer: String, description: 'The same reconciliation as CSV: currency, account, client id, value.' })
  async reconciliationCsv(@Query() query: TrustReconciliationRequest): Promise<string> {
    return trustReconciliationCsv(await this.queries.execute(new GetTrustReconciliation(query.clientId, query.asOf)));
  }
}
