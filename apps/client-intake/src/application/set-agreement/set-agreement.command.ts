import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { AgreementVersionAnswer } from './set-agreement.request.dto';

/** An admin sets a client's next agreement version (the body is parsed by the domain, which lists every problem). */
export class SetAgreement extends Command<AgreementVersionAnswer> {
  constructor(
    readonly clientId: string,
    readonly body: unknown,
    readonly context: CommandContext,
  ) {
    super();
  }
}
