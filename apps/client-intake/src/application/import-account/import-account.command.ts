import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ImportAnswer } from './import-account.request.dto';

/**
 * An admin imports one account from the system the agency moves from. The body is carried
 * as it came (`unknown`): the handler validates its fields and the rules across them
 * together (parseImport), as a placement does.
 */
export class ImportAccount extends Command<ImportAnswer> {
  constructor(
    readonly body: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
