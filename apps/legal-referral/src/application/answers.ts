import type { CommandOutcome, Rejection } from '@lib/es-core';
import { RecordedAnswer, refusalAnswer as ruleRefusal } from '@lib/platform';
import type { ReferralEvent } from '../domain/referral/referral.events';
import type { ReferralState } from '../domain/referral/referral.state';
import { referralView } from './referral.view';

export function notFoundAnswer(accountId: string): RecordedAnswer {
  return { status: 404, body: { statusCode: 404, error: 'Not Found', rule: 'referral-unknown', message: `referral ${accountId} not found` } };
}

/** A refusal as an HTTP answer naming its rule: a case that does not exist is 404, every other refusal conflicts with the case's stage. */
export function refusalAnswer(accountId: string, rejection: Rejection): RecordedAnswer {
  if (rejection.rule === 'referral-unknown') return notFoundAnswer(accountId);
  return ruleRefusal(409, rejection, { error: 'Conflict' });
}

/** The answer to a command on a referral case: the case as it now stands, or the refusal. */
export function outcomeAnswer(accountId: string, outcome: CommandOutcome<ReferralState, ReferralEvent>, status: number): RecordedAnswer {
  if (outcome.outcome === 'rejected') return refusalAnswer(accountId, outcome.rejection);
  if (outcome.state.stage === 'none') return notFoundAnswer(accountId);
  return { status, body: referralView(outcome.state) };
}
