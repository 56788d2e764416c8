import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@lib/platform';
import { ContactCaseView } from './contact-case.view';
import { GetCase } from './get-case.query';

/** A contact case as it stands: status, notices sent, attempts, promises, last contact, refusals. */
@ApiTags('contact cases')
@Controller('cases')
export class GetCaseController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId')
  @Roles('collector', 'supervisor', 'compliance')
  @ApiParam({ name: 'accountId', format: 'uuid' })
  @ApiProblems('query', { 404: 'No contact case for the account (rule case-unknown).' })
  @ApiOkResponse({ type: ContactCaseView, description: 'The contact case.' })
  get(@Param('accountId', new ParseUUIDPipe()) accountId: string): Promise<ContactCaseView> {
    return this.queries.execute(new GetCase(accountId));
  }
}
