import { lastPayment } from '../referral/referral.state';
import { DAY_MS, fail, LegalCriterion, pass } from './legal-criterion';

export const QUIET_DAYS_BEFORE_LEGAL = 45;

/** When the quiet period that started at `since` is over: from then on this rule passes again. */
export const quietPeriodEndsAt = (since: string): Date => new Date(new Date(since).getTime() + QUIET_DAYS_BEFORE_LEGAL * DAY_MS);

/**
 * Internal efforts have failed only when nothing came in for 45 days: counted from the
 * last payment that still stands, or from placement when none did.
 */
export const noPaymentIn45Days: LegalCriterion = {
  name: 'no-payment-in-45-days',
  check: ({ referral, now }) => {
    const payment = lastPayment(referral);
    const since = payment ? payment.paidAt : referral.placedAt;
    const days = Math.floor((now.getTime() - new Date(since).getTime()) / DAY_MS);
    if (days >= QUIET_DAYS_BEFORE_LEGAL) return pass();
    return fail(
      payment
        ? `a payment was received ${days} days ago (${since}); ${QUIET_DAYS_BEFORE_LEGAL} days without payment are required`
        : `placed ${days} days ago (${since}); ${QUIET_DAYS_BEFORE_LEGAL} days without payment are required`,
    );
  },
};
