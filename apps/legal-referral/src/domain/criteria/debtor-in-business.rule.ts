import { fail, LegalCriterion, pass } from './legal-criterion';

/** A judgment against a company that no longer trades collects nothing. */
export const debtorInBusiness: LegalCriterion = {
  name: 'debtor-in-business',
  check: ({ referral }) => (referral.debtorInBusiness ? pass() : fail('the debtor is no longer in business')),
};
