import type { Decision } from '@lib/es-core';
import { STANDING_LEGAL_CRITERIA } from '../criteria/default-legal-criteria';
import { describeFailures, failedCriteria } from '../criteria/legal-criterion';
import type { RecordClientAuthorization } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralCase } from './referral.state';

/**
 * The client's authorization takes effect only on a recommended case whose recommendation
 * still holds when the client authorizes (judged at `authorizedAt`); otherwise it is
 * recorded as ignored, with why, so the client's act is never silently dropped.
 */
export function decideRecordClientAuthorization(command: RecordClientAuthorization, state: ReferralCase): Decision<ReferralEvent> {
  if (state.stage === 'authorized' || state.stage === 'forwarded') return [];
  const ignored = (reason: string): ReferralEvent[] => [
    { type: 'AuthorizationIgnored', data: { accountId: state.accountId, clientId: command.clientId, authorizedAt: command.authorizedAt, reason } },
  ];
  if (command.clientId !== state.clientId) return ignored('authorized by a client that did not place the account');
  if (state.stage === 'closed') return ignored('the account is closed');
  if (!command.agreesToSuitFee || !command.agreesToAdvanceCosts) return ignored('suit needs the client to agree to the suit fee and to advance court costs');
  if (state.stage === 'opened') return ignored('no legal review has recommended the account yet');
  if (state.stage === 'pending-approval') return ignored("the recommendation awaits a supervisor's approval; the client is asked once it is approved");
  if (state.stage === 'not-recommended') {
    const failed = state.lastReview?.failedRules.map((f) => f.rule).join(', ') ?? '';
    return ignored(`the last legal review did not recommend suit (failed: ${failed})`);
  }
  const noLongerHolds = failedCriteria(STANDING_LEGAL_CRITERIA, { referral: state, now: new Date(command.authorizedAt) });
  if (noLongerHolds.length > 0) return ignored(`the recommendation no longer holds (failed: ${describeFailures(noLongerHolds)})`);
  return [
    {
      type: 'ReferralAuthorized',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        balance: state.balance,
        currency: state.currency,
        authorizedAt: command.authorizedAt,
        agreesToSuitFee: command.agreesToSuitFee,
        agreesToAdvanceCosts: command.agreesToAdvanceCosts,
      },
    },
  ];
}
