import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { RebuildAnswer } from './rebuild-read-models.request.dto';

/** Rebuild reporting's read models into new generations while reporting serves. */
export class RebuildReadModels extends Command<RebuildAnswer> {
  constructor(readonly context: CommandContext) {
    super();
  }
}
