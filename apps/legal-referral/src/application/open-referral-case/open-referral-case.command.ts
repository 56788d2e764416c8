import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import type { OpenReferralCase as OpenReferralCaseDecision } from '../../domain/referral/referral.commands';

/** Open the referral case of a placed account. */
export class OpenReferralCase extends Command<void> {
  constructor(
    readonly referral: Omit<OpenReferralCaseDecision, 'type'>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
