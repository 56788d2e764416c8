import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint, UuidParam } from '@lib/platform';
import { GetSettlements } from './get-settlements.query';
import { SettlementsView } from './settlements.view';

/** The settlements offered on an account, where each stands and what was paid toward it. */
@Controller('cases/:accountId/settlements')
export class GetSettlementsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['collector', 'supervisor', 'compliance'], tag: 'contact cases', uuidParams: ['accountId'], answer: SettlementsView, description: 'The settlements of the case, oldest first.', problems: { 404: 'No contact case for the account (rule case-unknown).' } })
  get(@UuidParam('accountId') accountId: string): Promise<SettlementsView> {
    return this.queries.execute(new GetSettlements(accountId));
  }
}
