import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { ReopenReferralCase as ReopenReferralCaseDecision } from '../../domain/referral/referral.commands';

/** Intake reopened the closed account: its case is back in the legal pipeline. */
export class ReopenReferralCase extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly reopening: Omit<ReopenReferralCaseDecision, 'type'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
