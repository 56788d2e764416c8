import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { AgreementVersion } from '../../domain/commission-plan/agreement';

/** Keep a client's published agreement version in payments' own store. */
export class RecordAgreementVersion extends Command<void> {
  constructor(
    readonly version: AgreementVersion,
    readonly context: CommandContext,
  ) {
    super();
  }
}
