import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { AttorneyRepresentationAnswer, RecordAttorneyRepresentationRequest } from './record-attorney-representation.request.dto';

/** Staff record that an attorney represents the debtor about this debt. */
export class RecordAttorneyRepresentation extends Command<AttorneyRepresentationAnswer> {
  constructor(
    readonly accountId: string,
    readonly request: RecordAttorneyRepresentationRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
