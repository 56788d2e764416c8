import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { NotePaymentReversal as NotePaymentReversalDecision } from '../../domain/referral/referral.commands';

/** Payments reversed a payment on the account (it bounced, or was posted in error). */
export class NotePaymentReversal extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly reversal: Omit<NotePaymentReversalDecision, 'type'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
