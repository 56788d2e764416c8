import { attorneyRepresentedRule } from './attorney-represented.rule';
import { callWindowRule } from './call-window.rule';
import { caseClosedRule } from './case-closed.rule';
import { accountHoldRule } from './account-hold.rule';
import { bankruptcyStayRule } from './bankruptcy-stay.rule';
import { ceaseContactRule } from './cease-contact.rule';
import { channelFrequencyCap } from './channel-frequency-cap.rule';
import { ComplianceRule } from './compliance-rule';
import { disputeHoldRule } from './dispute-hold.rule';
import { doNotContactRule } from './do-not-contact.rule';
import { maCallFrequencyRule } from './ma-call-frequency.rule';
import { regFCallAfterConversationRule } from './reg-f-call-after-conversation.rule';
import { regFCallFrequencyRule } from './reg-f-call-frequency.rule';
import { regFValidationPeriodRule } from './reg-f-validation-period.rule';
import { timeBarredNoSuitThreatRule } from './time-barred-no-suit-threat.rule';

/**
 * The rule pack: every contact rule in force, in the order they are asked; each account is
 * judged by those whose scope it falls in (`reviewContact`). A closed case, then the holds
 * (bankruptcy, dispute, the others), the debtor's own requests and representation, then a
 * barred number or address, are named before the counts and the time of day: they are the
 * reasons that hold whenever the contact is tried.
 */
export const contactComplianceRules: readonly ComplianceRule[] = [
  caseClosedRule,
  bankruptcyStayRule,
  regFValidationPeriodRule,
  disputeHoldRule,
  accountHoldRule,
  ceaseContactRule,
  attorneyRepresentedRule,
  doNotContactRule,
  timeBarredNoSuitThreatRule,
  regFCallAfterConversationRule,
  regFCallFrequencyRule,
  maCallFrequencyRule,
  channelFrequencyCap,
  callWindowRule,
];
