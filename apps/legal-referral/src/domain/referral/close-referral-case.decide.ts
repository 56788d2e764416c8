import type { Decision } from '@lib/es-core';
import type { CloseReferralCase } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralCase } from './referral.state';

/** A closed account leaves the legal pipeline, whatever its stage; closing a closed case changes nothing. */
export function decideCloseReferralCase(command: CloseReferralCase, state: ReferralCase): Decision<ReferralEvent> {
  if (state.stage === 'closed') return [];
  return [{ type: 'ReferralCaseClosed', data: { accountId: state.accountId, closingCode: command.closingCode, closedAt: command.closedAt } }];
}
