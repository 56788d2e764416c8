import { fail, LegalCriterion, pass } from './legal-criterion';

export const notDisputed: LegalCriterion = {
  name: 'not-disputed',
  check: ({ referral }) => (referral.disputed ? fail('the debt is disputed; collection waits for the dispute to be resolved') : pass()),
};
