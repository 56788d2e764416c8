import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint } from '@lib/platform';
import { asOfInstant } from '../as-of.request.dto';
import { GetTrustSummary } from './get-trust-summary.query';
import { GetTrustSummaryRequest } from './get-trust-summary.request.dto';
import { TrustSummaryView } from './trust-summary.view';

/** Money that entered trust, per currency: a client's or the agency's, now or as of an instant. */
@Controller('reports/trust')
export class GetTrustSummaryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['accountant', 'compliance', 'admin'], tag: 'reports', answer: TrustSummaryView, description: 'Trust figures per currency in minor units (empty `byCurrency` when nothing was paid). With `asOf`, as they stood at that instant.' })
  get(@Query() request: GetTrustSummaryRequest): Promise<TrustSummaryView> {
    return this.queries.execute(new GetTrustSummary(request.clientId ?? null, asOfInstant(request.asOf)));
  }
}
