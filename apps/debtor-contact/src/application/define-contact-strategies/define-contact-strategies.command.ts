import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ContactStrategiesAnswer, DefineContactStrategiesRequest } from './define-contact-strategies.request.dto';

/** An admin or supervisor defines a client's contact strategies and the segment rules that choose them. */
export class DefineContactStrategies extends Command<ContactStrategiesAnswer> {
  constructor(
    readonly clientId: string,
    readonly request: DefineContactStrategiesRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
