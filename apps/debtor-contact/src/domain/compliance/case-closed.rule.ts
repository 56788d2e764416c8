import { allow, ComplianceRule, deny } from './compliance-rule';

/** No contact of any kind on a case whose account is closed (paid, recalled, settled...). */
export const caseClosedRule: ComplianceRule = {
  name: 'case-closed',
  version: 1,
  scope: { accounts: 'all' },
  checks: 'no contact of any kind on a closed case',
  judge: (_contact, contactCase) =>
    contactCase.status === 'closed' ? deny(`the case is closed (${contactCase.closingCode}): the debtor may not be contacted about it`) : allow,
};
