import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@lib/platform';
import { CONTACT, ContactDependencies, contactStreamId } from '../../debtor-contact.dependencies';
import { contactCaseView, ContactCaseView } from './contact-case.view';

/** A contact case as it stands: status, notices sent, attempts, promises, last contact, refusals. */
@ApiTags('contact cases')
@Controller('cases')
export class GetCaseController {
  constructor(@Inject(CONTACT) private readonly deps: ContactDependencies) {}

  @Get(':accountId')
  @Roles('collector', 'supervisor', 'compliance')
  @ApiOkResponse({ description: 'The contact case.' })
  @ApiNotFoundResponse({ description: 'No contact case for the account.' })
  async get(@Param('accountId', new ParseUUIDPipe()) accountId: string): Promise<ContactCaseView> {
    const view = contactCaseView(await this.deps.eventStore.readStream(contactStreamId(accountId)));
    if (!view) throw new NotFoundException(`no contact case for account ${accountId}`);
    return view;
  }
}
