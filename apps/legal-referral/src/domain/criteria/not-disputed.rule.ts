import { standingHolds } from '../holds/hold-noted.events';
import { fail, LegalCriterion, pass } from './legal-criterion';

/** No dispute standing, of the whole account or of any invoice: a suit would claim the disputed part too. */
export const notDisputed: LegalCriterion = {
  name: 'not-disputed',
  check: ({ referral, now }) => {
    const disputes = standingHolds(referral.holds, 'dispute', now);
    if (disputes.length === 0) return pass();
    const what = disputes.map((hold) => (hold.invoices?.length ? `invoice(s) ${hold.invoices.join(', ')}` : 'the whole account')).join('; ');
    return fail(`the debt is disputed (${what}); collection waits for the dispute to be resolved`);
  },
};
