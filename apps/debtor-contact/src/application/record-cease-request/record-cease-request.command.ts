import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { CeaseRequestAnswer, RecordCeaseRequestRequest } from './record-cease-request.request.dto';

/** Staff record the debtor's request to stop contact (all channels, or anything but writing). */
export class RecordCeaseRequest extends Command<CeaseRequestAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: RecordCeaseRequestRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
