import { allow, ComplianceRule, deny } from './compliance-rule';

/**
 * No threat of suit on a time-barred debt (12 CFR 1006.26(b)): a message whose template
 * threatens suit (`threatensSuit`) is refused once legal referral found the debt past its
 * statute of limitations. Messages that threaten nothing still go out.
 */
export const timeBarredNoSuitThreatRule: ComplianceRule = {
  name: 'time-barred-no-suit-threat',
  version: 1,
  scope: { accounts: 'all' },
  checks: 'no message from a template that threatens suit once the debt is time-barred',
  judge(contact, contactCase) {
    const barred = contactCase.compliance?.timeBarred;
    if (!barred || !contact.template?.threatensSuit) return allow;
    return deny(
      `template ${contact.template.id} v${contact.template.version} threatens suit, and the debt is time-barred in ${barred.jurisdiction} since ${barred.expiredOn} (${barred.citation})`,
    );
  },
};
