import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { NotePayment as NotePaymentDecision } from '../../domain/referral/referral.commands';

/** Payments posted a payment on the account. */
export class NotePayment extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly payment: Omit<NotePaymentDecision, 'type'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
