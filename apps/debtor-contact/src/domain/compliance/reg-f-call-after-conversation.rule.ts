import { SEVEN_DAYS_MS } from './compliance-facts';
import { allow, ComplianceRule, deny } from './compliance-rule';

/**
 * No outbound call for 7 days after a telephone conversation with the debtor about the
 * debt (12 CFR 1006.14(b)(2)(i)(B)): a right-party call, inbound or outbound. Rolling 168
 * hours from the conversation.
 */
export const regFCallAfterConversationRule: ComplianceRule = {
  name: 'reg-f-call-after-conversation',
  version: 1,
  scope: { accounts: 'consumer' },
  checks: 'no outbound call within 7 days after a telephone conversation with the debtor (Regulation F)',
  judge(contact, contactCase) {
    if (contact.channel !== 'call' || contact.direction !== 'outbound') return allow;
    const conversationAt = contactCase.compliance?.lastConversationAt;
    if (!conversationAt) return allow;
    const until = Date.parse(conversationAt) + SEVEN_DAYS_MS;
    if (contact.now.getTime() >= until) return allow;
    return deny(`the debtor was spoken to by telephone at ${conversationAt}: Regulation F allows no call about the debt until ${new Date(until).toISOString()}`);
  },
};
