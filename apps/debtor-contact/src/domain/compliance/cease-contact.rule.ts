import { allow, ComplianceRule, deny } from './compliance-rule';

/**
 * The debtor asked the agency to stop: after `all-channels` no outbound contact of any
 * kind; after `written-only` no calls (letters, emails and texts are writing). What the
 * debtor starts (an inbound call) is still recorded: refusing it would only hide it.
 */
export const ceaseContactRule: ComplianceRule = {
  name: 'cease-contact',
  version: 1,
  scope: { accounts: 'all' },
  checks: "no outbound contact after the debtor's request to stop (all channels), or no call after a request for writing only",
  judge(contact, contactCase) {
    const cease = contactCase.compliance?.cease;
    if (!cease || contact.direction !== 'outbound') return allow;
    if (cease.mode === 'all-channels') return deny(`the debtor asked on ${cease.receivedOn} that all contact cease: no outbound ${contact.channel} may be made`);
    if (contact.channel === 'call') return deny(`the debtor asked on ${cease.receivedOn} to be contacted in writing only: no call may be placed`);
    return allow;
  },
};
