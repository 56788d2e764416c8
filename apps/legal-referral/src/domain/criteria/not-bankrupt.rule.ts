import { standingHolds } from '../holds/hold-noted.events';
import { fail, LegalCriterion, pass } from './legal-criterion';

/** No bankruptcy standing (filed and not dismissed): the automatic stay forbids suit, and a discharge ends the debt. */
export const notBankrupt: LegalCriterion = {
  name: 'not-bankrupt',
  check: ({ referral, now }) => {
    const filing = standingHolds(referral.holds, 'bankruptcy', now)[0];
    if (!filing) return pass();
    const detail = filing.bankruptcy ? ` (chapter ${filing.bankruptcy.chapter}, case ${filing.bankruptcy.caseNumber}, filed ${filing.bankruptcy.filedOn})` : '';
    return fail(`the debtor filed for bankruptcy${detail}: the automatic stay forbids suit`);
  },
};
