import { balanceAtLeast5000 } from './balance-at-least-5000.rule';
import { debtorInBusiness } from './debtor-in-business.rule';
import { LegalCriterion } from './legal-criterion';
import { noPaymentIn45Days } from './no-payment-in-45-days.rule';
import { notBankrupt } from './not-bankrupt.rule';
import { notClosed } from './not-closed.rule';
import { notDisputed } from './not-disputed.rule';
import { withinStatuteOfLimitations } from './within-statute-of-limitations.rule';

/** The default criteria for a legal referral (docs/domain.md, The life of an account), in the order staff read them. */
export const DEFAULT_LEGAL_CRITERIA: readonly LegalCriterion[] = [
  balanceAtLeast5000,
  noPaymentIn45Days,
  withinStatuteOfLimitations,
  notDisputed,
  notBankrupt,
  notClosed,
  debtorInBusiness,
];

/** Criteria no list may leave out: a time-barred account is never referred. */
export const MANDATORY_LEGAL_CRITERIA: readonly LegalCriterion[] = [withinStatuteOfLimitations];

/**
 * What must still hold when the client authorizes suit and when legal forwards the case: a
 * recommendation is a snapshot, but time runs on (the statute of limitations), payments
 * come in (the minimum balance) and the account may close, dispute or go bankrupt.
 * `no-payment-in-45-days` is left out: it asks whether internal collection had failed when
 * the review ran, and a payment after the client authorized suit does not undo the
 * client's decision (the payment still counts through the balance rule).
 */
export const STANDING_LEGAL_CRITERIA: readonly LegalCriterion[] = DEFAULT_LEGAL_CRITERIA.filter((criterion) => criterion !== noPaymentIn45Days);
