import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint, UuidParam } from '@lib/platform';
import { GetHolds } from './get-holds.query';
import { CaseHoldsView } from './holds.view';

/** What holds the account and what is disputed, lifted and resolved ones included. */
@Controller('cases')
export class GetHoldsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId/holds')
  @QueryEndpoint({ roles: ['collector', 'supervisor', 'compliance', 'legal'], tag: 'holds and disputes', uuidParams: ['accountId'], answer: CaseHoldsView, description: 'The holds and disputes of the case.', problems: { 404: 'No contact case for the account (rule case-unknown).' } })
  get(@UuidParam('accountId') accountId: string): Promise<CaseHoldsView> {
    return this.queries.execute(new GetHolds(accountId));
  }
}
