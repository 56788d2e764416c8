import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';

/** Payments reversed a payment (it bounced): it no longer keeps a promise nor pays a plan. */
export class NotePaymentReversal extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly paymentId: string,
    readonly reversedAt: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
