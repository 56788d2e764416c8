import { allow, ComplianceRule, deny } from './compliance-rule';
import { holdsInForce } from '../holds/holds.state';

/**
 * No outbound contact while a client hold, a deceased hold or a skip hold is in force
 * (placed, not lifted, its end date not passed). Bankruptcy and disputes have rules of
 * their own.
 */
export const accountHoldRule: ComplianceRule = {
  name: 'account-hold',
  version: 1,
  scope: { accounts: 'all' },
  checks: 'no outbound contact during a client, deceased or skip hold',
  judge(contact, contactCase) {
    if (contact.direction !== 'outbound') return allow;
    const hold = holdsInForce(contactCase, contact.now).find((candidate) => candidate.kind === 'client-hold' || candidate.kind === 'deceased' || candidate.kind === 'skip');
    if (!hold) return allow;
    const until = hold.endsAt ? ` until ${hold.endsAt}` : ' until lifted';
    return deny(`the account is on a ${hold.kind} hold${until} (${hold.reason})`);
  },
};
