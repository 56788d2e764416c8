import { Decision, reject } from '@lib/es-core';
import { DEFAULT_LEGAL_CRITERIA, MANDATORY_LEGAL_CRITERIA } from '../criteria/default-legal-criteria';
import { LegalCriterion } from '../criteria/legal-criterion';
import { ReviewForLegal } from './referral.commands';
import { FailedRule, ReferralEvent } from './referral.events';
import { ReferralState } from './referral.state';

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
  const failedRules: FailedRule[] = applied.flatMap((criterion) => {
    const verdict = criterion.check({ referral: state, now: command.now });
    return verdict.pass ? [] : [{ rule: criterion.name, reason: verdict.reason }];
  });
  const common = { accountId: state.accountId, balance: state.balance, currency: state.currency, rulesChecked, reviewedAt: command.now.toISOString() };
  if (failedRules.length > 0) return [{ type: 'ReferralNotRecommended', data: { ...common, failedRules } }];
  return [{ type: 'ReferralRecommended', data: { ...common, clientId: state.clientId } }];
}
