import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { RecordContact } from './record-contact.command';
import { ContactRecordedAnswer, RecordContactRequest } from './record-contact.request.dto';

/** A collector records a contact with the debtor, perhaps with a promise to pay. */
@Controller('cases/:accountId/contacts')
export class RecordContactController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({
    roles: ['collector', 'supervisor'], tag: 'contact cases', uuidParams: ['accountId'], answer: ContactRecordedAnswer, description: 'Recorded, with the compliance decisions that allowed it.',
    problems: {
      404: 'No contact case for the account (rule case-unknown).',
      409: 'The case is closed (rule case-closed); the refusal is recorded.',
      422: 'A rule of the contact rule pack denied the contact (rules cease-contact, attorney-represented, do-not-contact, reg-f-call-after-conversation, reg-f-call-frequency, ma-call-frequency, channel-frequency-cap, call-window; the refusal is recorded on the case), or the promise is invalid (rules promise-needs-right-party-contact, promise-currency-mismatch, promise-due-date-past, promise-amount-positive; recorded on the compliance stream).',
    },
  })
  record(@UuidParam('accountId') accountId: string, @Body() body: RecordContactRequest, @Ctx() context: CommandContext): Promise<ContactRecordedAnswer> {
    return this.commands.execute(new RecordContact(accountId, body, context));
  }
}
