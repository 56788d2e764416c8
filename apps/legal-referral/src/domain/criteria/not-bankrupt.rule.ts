import { fail, LegalCriterion, pass } from './legal-criterion';

export const notBankrupt: LegalCriterion = {
  name: 'not-bankrupt',
  check: ({ referral }) => (referral.bankrupt ? fail('the debtor filed for bankruptcy: the automatic stay forbids suit') : pass()),
};
