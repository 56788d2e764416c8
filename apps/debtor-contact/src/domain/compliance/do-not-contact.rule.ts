import type { ContactCaseState } from '../contact-case/contact-case.state';
import { allow, ComplianceRule, ContactUnderReview, deny } from './compliance-rule';

/** Phone numbers compare on their digits, so `+1 (212) 555-0100` is `+12125550100`. */
export const samePhone = (a: string, b: string): boolean => a.replace(/\D/g, '') === b.replace(/\D/g, '');
export const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

type OpenOrClosed = Exclude<ContactCaseState, { status: 'none' }>;

/** The case's entries of the contact's channel: phones for a call or text, emails for an email; letters have none. */
function entriesFor(contact: ContactUnderReview, contactCase: OpenOrClosed): { label: string; value: string; doNotContact: boolean; same: (a: string, b: string) => boolean }[] {
  const { phones = [], emails = [] } = contactCase.debtor;
  if (contact.channel === 'call' || contact.channel === 'text') return phones.map((p) => ({ label: 'number', value: p.number, doNotContact: p.doNotContact, same: samePhone }));
  if (contact.channel === 'email') return emails.map((e) => ({ label: 'address', value: e.address, doNotContact: e.doNotContact, same: sameEmail }));
  return [];
}

/**
 * No outbound call, text or email to a phone number or email address the client marked
 * do-not-contact at placement (the flag wins over consent). A contact that names its
 * number or address (`to`) is judged on it; one that names none is refused while any
 * entry of its channel is barred, since the case cannot tell which one was used. Inbound
 * contacts (the debtor chose to reach the agency) and letters are not concerned.
 */
export const doNotContactRule: ComplianceRule = {
  name: 'do-not-contact',
  version: 1,
  scope: { accounts: 'all' },
  checks: 'no outbound call or text to a number, or email to an address, the client marked do-not-contact',
  judge(contact, contactCase) {
    if (contact.direction !== 'outbound') return allow;
    const entries = entriesFor(contact, contactCase);
    const barred = entries.filter((entry) => entry.doNotContact);
    if (barred.length === 0) return allow;
    const { label } = barred[0];
    if (contact.to === undefined) {
      return deny(`the debtor's ${label} ${barred.map((e) => e.value).join(', ')} ${barred.length > 1 ? 'are' : 'is'} marked do-not-contact: name the ${label} used (to)`);
    }
    const hit = barred.find((entry) => entry.same(entry.value, contact.to!));
    return hit ? deny(`the ${label} ${hit.value} is marked do-not-contact by the client`) : allow;
  },
};
