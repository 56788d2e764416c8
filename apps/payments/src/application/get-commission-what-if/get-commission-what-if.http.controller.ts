import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint, UuidParam } from '@lib/platform';
import { GetCommissionWhatIf } from './get-commission-what-if.query';
import { CommissionWhatIfRequest, CommissionWhatIfView, WhatIfPeriodQuery } from './get-commission-what-if.request.dto';

/**
 * What the client's commissions in a period would have been under another rate plan. A
 * POST because the plan is a body, but a read: nothing is written, and it answers 200.
 */
@Controller('clients/:clientId/commission/what-if')
export class GetCommissionWhatIfController {
  constructor(private readonly queries: QueryBus) {}

  @Post()
  @HttpCode(200)
  @QueryEndpoint({
    roles: ['accountant', 'admin', 'supervisor'],
    tag: 'commission',
    uuidParams: ['clientId'],
    answer: CommissionWhatIfView,
    description: 'Every payment of the client posted in [from, to): its commission as recorded, under the plan given, and the difference; totals per currency.',
    problems: { 413: 'The body is larger than the limit (1 MB).', 415: 'The body is not application/json.' },
  })
  whatIf(@UuidParam('clientId') clientId: string, @Query() period: WhatIfPeriodQuery, @Body() body: CommissionWhatIfRequest): Promise<CommissionWhatIfView> {
    return this.queries.execute(new GetCommissionWhatIf(clientId, period.from, period.to, body.ratePlan));
  }
}
