import { callWindowRule } from './call-window.rule';
import { caseClosedRule } from './case-closed.rule';
import { accountHoldRule } from './account-hold.rule';
import { bankruptcyStayRule } from './bankruptcy-stay.rule';
import { ComplianceRule } from './compliance-rule';
import { disputeHoldRule } from './dispute-hold.rule';
import { doNotContactRule } from './do-not-contact.rule';

/**
 * Every contact rule in force, in the order they are asked. A closed case, then the holds
 * (bankruptcy, dispute, the others), then a barred number or address, are named before the
 * time of day: they are the reasons that hold whenever the contact is tried.
 */
export const contactComplianceRules: readonly ComplianceRule[] = [caseClosedRule, bankruptcyStayRule, disputeHoldRule, accountHoldRule, doNotContactRule, callWindowRule];
