import { balanceAtLeast5000 } from './balance-at-least-5000.rule';
import { debtorInBusiness } from './debtor-in-business.rule';
import { LegalCriterion } from './legal-criterion';
import { noPaymentIn45Days } from './no-payment-in-45-days.rule';
import { notBankrupt } from './not-bankrupt.rule';
import { notClosed } from './not-closed.rule';
import { notDisputed } from './not-disputed.rule';
import { withinStatuteOfLimitations } from './within-statute-of-limitations.rule';

/** DOMAIN.md's default criteria for a legal referral, in the order staff read them. */
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
