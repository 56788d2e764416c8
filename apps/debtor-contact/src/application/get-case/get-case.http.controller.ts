import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint, UuidParam } from '@lib/platform';
import { ContactCaseView } from './contact-case.view';
import { GetCase } from './get-case.query';

/** A contact case as it stands: status, notices sent, attempts, promises, last contact, refusals. */
@Controller('cases')
export class GetCaseController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId')
  @QueryEndpoint({ roles: ['collector', 'supervisor', 'compliance'], tag: 'contact cases', uuidParams: ['accountId'], answer: ContactCaseView, description: 'The contact case.', problems: { 404: 'No contact case for the account (rule case-unknown).' } })
  get(@UuidParam('accountId') accountId: string): Promise<ContactCaseView> {
    return this.queries.execute(new GetCase(accountId));
  }
}
