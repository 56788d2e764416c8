import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { RecordContactData } from './record-contact-data.command';
import { ContactDataRecordedAnswer, RecordContactDataRequest } from './record-contact-data.request.dto';

/** New phones, emails or addresses found by skip tracing, with their source: they lift the skip. */
@Controller('cases/:accountId/contact-data')
export class RecordContactDataController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['collector', 'supervisor'], tag: 'holds and disputes', uuidParams: ['accountId'], answer: ContactDataRecordedAnswer, description: 'Recorded; the skip holds it lifted are listed.',
    problems: { 404: 'No contact case for the account (case-unknown).', 422: 'No phone, email or address given (contact-data-empty).' },
  })
  record(@UuidParam('accountId') accountId: string, @Body() body: RecordContactDataRequest, @Ctx() context: CommandContext): Promise<ContactDataRecordedAnswer> {
    return this.commands.execute(new RecordContactData(accountId, body, context));
  }
}
