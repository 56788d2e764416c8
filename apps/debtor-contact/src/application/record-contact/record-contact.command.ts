import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ContactRecordedAnswer, RecordContactRequest } from './record-contact.request.dto';

/** Record a contact with the debtor of the account's case, perhaps with a promise to pay. The collector is the caller. */
export class RecordContact extends Command<ContactRecordedAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: RecordContactRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
