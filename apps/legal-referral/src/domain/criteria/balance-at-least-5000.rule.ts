import { fail, formatMinorUnits, LegalCriterion, pass } from './legal-criterion';

/** Default criterion (docs/domain.md, The life of an account): suit costs more than it recovers on a small balance. */
export const MINIMUM_LEGAL_BALANCE = 500_000;

export const balanceAtLeast5000: LegalCriterion = {
  name: 'balance-at-least-5000',
  check: ({ referral }) =>
    referral.balance >= MINIMUM_LEGAL_BALANCE
      ? pass()
      : fail(`balance ${formatMinorUnits(referral.balance)} ${referral.currency} is below ${formatMinorUnits(MINIMUM_LEGAL_BALANCE)}`),
};
