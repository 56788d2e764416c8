import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { CloseReferralCase as CloseReferralCaseDecision } from '../../domain/referral/referral.commands';

/** The account closed: its case leaves the legal pipeline. */
export class CloseReferralCase extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly closing: Omit<CloseReferralCaseDecision, 'type'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
