import { CommandContext, handleCommand } from '@lib/es-core';
import { referralDecider } from '../../domain/referral/referral.decider';
import { LegalReferralDependencies, referralStreamId } from '../../legal-referral.ports';

/** The one way a legal review runs, whether the scheduler or a person asked for it. */
export function reviewForLegal(deps: LegalReferralDependencies, accountId: string, context: CommandContext) {
  return handleCommand(deps.eventStore, referralDecider, referralStreamId(accountId), { type: 'ReviewForLegal', now: context.now }, context);
}
