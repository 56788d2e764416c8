import { RecordedAnswer, refusalAnswer as ruleRefusal } from '@lib/platform';

/** Rules that mean "no such thing here": answered 404 so existence does not leak. */
const NOT_FOUND = new Set(['ledger-unknown', 'payment-unknown']);
/** Rules refused because of what already happened to the account. */
const CONFLICT = new Set(['account-paid', 'payment-already-reversed', 'payment-id-unique']);

/** A refusal as an HTTP answer, with the rule that refused. Everything else is 422. */
export function refusalAnswer(rejection: { rule: string; reason: string; details?: Record<string, unknown> }): RecordedAnswer {
  const statusCode = NOT_FOUND.has(rejection.rule) ? 404 : CONFLICT.has(rejection.rule) ? 409 : 422;
  return ruleRefusal(statusCode, rejection, rejection.details);
}
