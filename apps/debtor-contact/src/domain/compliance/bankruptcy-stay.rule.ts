import { allow, ComplianceRule, deny } from './compliance-rule';
import { standingBankruptcy } from '../holds/holds.state';

/**
 * The automatic stay: no outbound contact of any kind once the debtor filed for
 * bankruptcy, until the filing is dismissed (the hold lifted); after a discharge, never.
 * A debtor who calls in may still be heard (recording it collects nothing).
 */
export const bankruptcyStayRule: ComplianceRule = {
  name: 'bankruptcy-stay',
  version: 1,
  scope: { accounts: 'all' },
  checks: 'no outbound contact while a bankruptcy filing stands (the automatic stay), and none after its discharge',
  judge(contact, contactCase) {
    if (contact.direction !== 'outbound') return allow;
    const filing = standingBankruptcy(contactCase)?.bankruptcy;
    if (!filing) return allow;
    const discharged = filing.dischargedOn ? `, discharged ${filing.dischargedOn}` : '';
    return deny(`the debtor filed chapter ${filing.chapter} bankruptcy (case ${filing.caseNumber}, filed ${filing.filedOn}${discharged}): the automatic stay forbids collection contact`);
  },
};
