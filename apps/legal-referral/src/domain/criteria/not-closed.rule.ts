import { fail, LegalCriterion, pass } from './legal-criterion';

export const notClosed: LegalCriterion = {
  name: 'not-closed',
  check: ({ referral }) => (referral.stage === 'closed' ? fail(`the account is closed (${referral.closing.closingCode})`) : pass()),
};
