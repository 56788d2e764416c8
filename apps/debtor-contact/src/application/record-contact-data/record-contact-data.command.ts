import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ContactDataRecordedAnswer, RecordContactDataRequest } from './record-contact-data.request.dto';

/** Skip tracing found new ways to reach the debtor. */
export class RecordContactData extends Command<ContactDataRecordedAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: RecordContactDataRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
