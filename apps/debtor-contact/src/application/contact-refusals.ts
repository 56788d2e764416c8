import type { RefusalTarget } from '@lib/platform';
import { contactComplianceRules } from '../domain/compliance/compliance-rules';
import { DEBTOR_CONTACT_SERVICE } from '../debtor-contact.dependencies';

const contactRule = (rule: string) => contactComplianceRules.find((candidate) => candidate.name === rule);

/**
 * Where a refused command of this service is recorded: the compliance stream, except the
 * denials of the contact rules, which the case keeps itself (`ContactAttemptRefused`). With
 * `rulesChecked`, an accepted command records the rules it passed (`CommandAllowed`).
 */
export const contactRefusalTarget = (accountId: string, command: string, rulesChecked?: readonly string[]): RefusalTarget => ({
  service: DEBTOR_CONTACT_SERVICE,
  accountId,
  command,
  ruleVersion: (rule) => contactRule(rule)?.version ?? null,
  recordedElsewhere: (rule) => contactRule(rule) !== undefined,
  ...(rulesChecked ? { rulesChecked } : {}),
});
