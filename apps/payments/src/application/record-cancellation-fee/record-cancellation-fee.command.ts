import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** Intake says the client recalled the account owing this cancellation fee. */
export class RecordCancellationFee extends Command<unknown> {
  constructor(
    readonly accountId: string,
    readonly fee: { amount: number; currency: string; agreementVersion: number | null; recalledAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
