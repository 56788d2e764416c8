import { allow, ComplianceRule, deny } from './compliance-rule';

/**
 * Regulation F (12 CFR 1006.6(b)(2)): once the agency knows an attorney represents the
 * consumer about the debt, it contacts the attorney, not the consumer. An inbound contact
 * is the debtor's own and is recorded.
 */
export const attorneyRepresentedRule: ComplianceRule = {
  name: 'attorney-represented',
  version: 1,
  scope: { accounts: 'consumer' },
  checks: 'no direct outbound contact with a consumer an attorney represents about the debt',
  judge(contact, contactCase) {
    const attorney = contactCase.compliance?.attorney;
    if (!attorney || contact.direction !== 'outbound') return allow;
    const firm = attorney.firm ? ` (${attorney.firm})` : '';
    return deny(`the debtor is represented by ${attorney.name}${firm} about this debt since ${attorney.recordedAt.slice(0, 10)}: contact the attorney, not the debtor`);
  },
};
