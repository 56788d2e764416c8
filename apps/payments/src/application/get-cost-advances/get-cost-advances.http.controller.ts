import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint, UuidParam } from '@lib/platform';
import { CostAdvanceView } from './cost-advance.view';
import { GetCostAdvances } from './get-cost-advances.query';

/** The client's money for an account's suit costs: what was asked, received, spent, recovered, refunded and is still held. */
@Controller('ledgers/:accountId/cost-advances')
export class GetCostAdvancesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['legal', 'accountant', 'admin', 'supervisor', 'compliance'], tag: 'cost-advances', uuidParams: ['accountId'], answer: [CostAdvanceView], description: "The account's cost advances, in the order requested.", problems: { 404: 'No ledger for the account (rule ledger-unknown).' } })
  list(@UuidParam('accountId') accountId: string): Promise<CostAdvanceView[]> {
    return this.queries.execute(new GetCostAdvances(accountId));
  }
}
