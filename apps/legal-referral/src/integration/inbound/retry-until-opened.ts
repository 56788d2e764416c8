import type { CommandOutcome } from '@lib/es-core';
import type { ReferralEvent } from '../../domain/referral/referral.events';
import type { ReferralState } from '../../domain/referral/referral.state';

/**
 * Payments and intake publish on different topics, so a payment can overtake the placement
 * that opens the case. Throwing makes the bus redeliver (with back-off) instead of dropping
 * the fact; a message that never finds its case ends on the dead-letter topic.
 */
export function retryUntilOpened(accountId: string, outcome: CommandOutcome<ReferralState, ReferralEvent>): void {
  if (outcome.outcome === 'rejected' && outcome.rejection.rule === 'referral-unknown') {
    throw new Error(`referral case ${accountId} is not opened yet; retrying until its placement arrives`);
  }
}
