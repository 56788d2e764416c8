import type { Rejection } from '@lib/es-core';
import { problem, ProblemDetails } from './problem-details';

/**
 * The HTTP status of every refusal rule, in one table for every service. A rule that
 * means "no such thing for you" is 404, so a client cannot learn that another client's
 * account exists; a rule about the request itself (its values, what it names) is 422;
 * every other rule refuses because of what already happened, which is a conflict with
 * the resource's state (409), the default.
 */
export const REFUSAL_STATUS: Readonly<Record<string, number>> = {
  // Nothing there (or not yours).
  'account-unknown': 404,
  'case-unknown': 404,
  'letter-unknown': 404,
  'client-unknown': 404,
  'ledger-unknown': 404,
  'payment-unknown': 404,
  'referral-unknown': 404,
  'api-key-unknown': 404,
  'webhook-endpoint-unknown': 404,
  'webhook-delivery-unknown': 404,
  'tolling-unknown': 404,
  'cost-advance-unknown': 404,
  'remittance-unknown': 404,
  'attorney-unknown': 404,
  'hold-unknown': 404,
  'dispute-unknown': 404,
  'plan-proposal-unknown': 404,
  'settlement-unknown': 404,
  'approval-unknown': 404,
  'write-off-unknown': 404,
  // The request contradicts itself or the account.
  'placement-invalid': 400,
  'import-invalid': 400,
  'placement-without-invoices': 400,
  'currency-mismatch': 422,
  'unknown-invoice': 422,
  'payment-amount-positive': 422,
  'promise-amount-positive': 422,
  'promise-currency-mismatch': 422,
  'promise-due-date-past': 422,
  'promise-needs-right-party-contact': 422,
  'plan-currency-mismatch': 422,
  'plan-first-date-past': 422,
  'plan-too-many-installments': 422,
  'plan-installment-too-small': 422,
  'plan-total-too-large': 422,
  'legal-authorization-incomplete': 422,
  'idempotency-key-reused': 422,
  'webhook-url-refused': 422,
  'recall-force-needs-reason': 422,
  'closing-code-has-own-command': 422,
  'direct-payment-in-future': 422,
  'direct-payment-before-placement': 422,
  'invoice-invalid': 400,
  'adjustment-amount-nonzero': 422,
  'adjustment-needs-reason': 422,
  'debtor-update-empty': 422,
  'acknowledgement-in-future': 422,
  'tolling-in-future': 422,
  'tolling-ends-before-start': 422,
  'cost-advance-amount-positive': 422,
  'remittance-period-invalid': 422,
  'attorney-not-on-panel': 422,
  'milestone-amount-invalid': 422,
  'milestone-details-invalid': 422,
  'hold-bankruptcy-filing': 422,
  'hold-ends-in-past': 422,
  'discharge-before-filing': 422,
  'dispute-invoice-repeated': 422,
  'dispute-exceeds-placed-amount': 422,
  'dispute-rejected-adjusts-nothing': 422,
  'dispute-amount-out-of-range': 422,
  'contact-data-empty': 422,
  'strategy-id-taken': 422,
  'strategy-starts-with-first-notice': 422,
  'strategy-steps-invalid': 422,
  'strategy-unknown': 422,
  'strategy-rule-empty': 422,
  'settlement-offer-one-figure': 422,
  'settlement-currency-mismatch': 422,
  'settlement-amount-out-of-range': 422,
  'write-off-currency-mismatch': 422,
  'write-off-amount-above-balance': 422,
  // The caller's role may not do this to this account (the endpoint admits the role, the rule does not).
  'recall-force-supervisor-only': 403,
  'closing-code-role': 403,
  // Contact compliance: the contact is not allowed now; the refusal is on the case's record.
  'call-window': 422,
  'do-not-contact': 422,
  'cease-contact': 422,
  'attorney-represented': 422,
  'time-barred-no-suit-threat': 422,
  'reg-f-call-after-conversation': 422,
  'reg-f-call-frequency': 422,
  'ma-call-frequency': 422,
  'channel-frequency-cap': 422,
};

export function refusalStatus(rule: string): number {
  return REFUSAL_STATUS[rule] ?? 409;
}

/**
 * A command refused by a rule. Handlers throw it with the decider's rejection; the
 * problem-details filter answers it with the rule's status, and the idempotency
 * interceptor stores that answer like any other (except a 404, which pins nothing).
 */
export class Refused extends Error {
  readonly rule: string;
  readonly details: Record<string, unknown>;

  constructor(rejection: Pick<Rejection, 'rule' | 'reason' | 'details'>) {
    super(rejection.reason);
    this.name = 'Refused';
    this.rule = rejection.rule;
    this.details = rejection.details ?? {};
  }

  get status(): number {
    return refusalStatus(this.rule);
  }

  toProblem(): ProblemDetails {
    return problem(this.status, this.message, { ...this.details, rule: this.rule });
  }
}
