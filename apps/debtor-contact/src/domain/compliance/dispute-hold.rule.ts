import { allow, ComplianceRule, deny } from './compliance-rule';
import { holdsInForce } from '../holds/holds.state';

/**
 * No outbound contact while a dispute of the whole account is open. A dispute of listed
 * invoices holds only those: a contact does not say which invoices it is about, so it is
 * allowed as being about the undisputed rest.
 */
export const disputeHoldRule: ComplianceRule = {
  name: 'dispute-hold',
  version: 1,
  scope: { accounts: 'all' },
  checks: 'no outbound contact while the whole account is disputed',
  judge(contact, contactCase) {
    if (contact.direction !== 'outbound') return allow;
    const whole = holdsInForce(contactCase, contact.now, 'dispute').find((hold) => !hold.invoices?.length);
    return whole ? deny(`the whole debt is disputed (dispute ${whole.disputeId}): collection waits for the dispute's resolution`) : allow;
  },
};
