import { Decision, reject, Rejection } from '@lib/es-core';
import { STANDING_LEGAL_CRITERIA } from '../criteria/default-legal-criteria';
import { describeFailures, failedCriteria } from '../criteria/legal-criterion';
import type { ApproveRecommendation, DeclineRecommendation } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralCase } from './referral.state';

export const RECOMMENDATION_NOT_PENDING = 'recommendation-not-pending';

function notPending(state: ReferralCase): Rejection<ReferralEvent> {
  return reject(RECOMMENDATION_NOT_PENDING, `no recommendation awaits approval: the case is ${state.stage}`);
}

/**
 * A supervisor approves the recommendation before the client is asked. The approval is a
 * decision on the record: it names the criteria the review applied, with their versions,
 * so a later change of a criterion never leaves anyone guessing what was approved. Time
 * runs between the review and the approval, so the standing criteria are asked again now,
 * as the authorization and the forwarding ask them; a refusal records nothing.
 */
export function decideApproveRecommendation(command: ApproveRecommendation, state: ReferralCase): Decision<ReferralEvent> {
  if (state.stage !== 'pending-approval' || !state.lastReview) return notPending(state);
  const noLongerHolds = failedCriteria(STANDING_LEGAL_CRITERIA, { referral: state, now: command.now });
  if (noLongerHolds.length > 0) return reject(noLongerHolds[0].rule, describeFailures(noLongerHolds));
  return [
    {
      type: 'RecommendationApproved',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        balance: state.balance,
        currency: state.currency,
        approvedBy: command.supervisorId,
        approvedAt: command.now.toISOString(),
        reviewedAt: state.lastReview.reviewedAt,
        criteria: state.lastReview.criteria,
      },
    },
  ];
}

/** A supervisor declines the recommendation, with why: the case is not recommended and the client is never asked. */
export function decideDeclineRecommendation(command: DeclineRecommendation, state: ReferralCase): Decision<ReferralEvent> {
  if (state.stage !== 'pending-approval' || !state.lastReview) return notPending(state);
  return [
    {
      type: 'RecommendationDeclined',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        balance: state.balance,
        currency: state.currency,
        declinedBy: command.supervisorId,
        reason: command.reason,
        declinedAt: command.now.toISOString(),
        reviewedAt: state.lastReview.reviewedAt,
        criteria: state.lastReview.criteria,
      },
    },
  ];
}
