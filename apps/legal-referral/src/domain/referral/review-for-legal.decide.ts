import { Decision, reject } from '@lib/es-core';
import { DEFAULT_LEGAL_CRITERIA, MANDATORY_LEGAL_CRITERIA } from '../criteria/default-legal-criteria';
import { criteriaVersions, failedCriteria, LegalCriterion } from '../criteria/legal-criterion';
import { noPaymentIn45Days, quietPeriodEndsAt } from '../criteria/no-payment-in-45-days.rule';
import { ranOutEvents } from '../statute-of-limitations/case-limitations';
import { ReviewForLegal } from './referral.commands';
import { FailedRule, FollowUpReview, ReferralEvent } from './referral.events';
import { lastPayment, ReferralCase, ReferralState } from './referral.state';

/**
 * Every criterion is checked (not just up to the first refusal) so staff see all that
 * stands between the account and a suit. The outcome is recorded either way: a
 * not-recommended review is as much a fact for the audit trail as a recommendation.
 */
export function decideReviewForLegal(command: ReviewForLegal, state: ReferralState, criteria: readonly LegalCriterion[] = DEFAULT_LEGAL_CRITERIA): Decision<ReferralEvent> {
  if (state.stage === 'none') return reject('referral-unknown', 'no referral case for this account');
  if (state.stage === 'authorized' || state.stage === 'forwarded') {
    return reject('referral-already-authorized', 'the client has authorized suit; the account is past legal review');
  }
  const applied = [...criteria, ...MANDATORY_LEGAL_CRITERIA.filter((m) => !criteria.some((c) => c.name === m.name))];
  const rulesChecked = applied.map((c) => c.name);
  const failedRules: FailedRule[] = failedCriteria(applied, { referral: state, now: command.now });
  const common = { accountId: state.accountId, clientId: state.clientId, balance: state.balance, currency: state.currency, rulesChecked, reviewedAt: command.now.toISOString() };
  if (failedRules.length > 0) {
    const followUpReview = followUpReviewFor(state, failedRules);
    return [{ type: 'ReferralNotRecommended', data: { ...common, failedRules, ...(followUpReview ? { followUpReview } : {}) } }, ...ranOutEvents(state, command.now)];
  }
  // A supervisor approves a recommendation before the client is asked (approve-recommendation.decide.ts).
  return [{ type: 'ReferralRecommended', data: { ...common, awaitsApproval: true, criteria: criteriaVersions(applied) } }];
}

/**
 * A review held back only by a recent payment would pass once that payment is 45 days old,
 * and nothing else would look again: the account would leave the legal track unseen. So the
 * review says when to look again. Not when another rule failed (waiting does not cure it),
 * nor when the 45 days still run from placement (the day-45 review is booked already), nor
 * on a closed case.
 */
function followUpReviewFor(state: ReferralCase, failedRules: readonly FailedRule[]): FollowUpReview | undefined {
  if (state.stage === 'closed' || failedRules.length !== 1 || failedRules[0].rule !== noPaymentIn45Days.name) return undefined;
  const payment = lastPayment(state);
  if (!payment) return undefined;
  return { afterPaymentId: payment.paymentId, dueAt: quietPeriodEndsAt(payment.paidAt).toISOString() };
}
