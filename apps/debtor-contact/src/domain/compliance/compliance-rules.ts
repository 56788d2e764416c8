import { callWindowRule } from './call-window.rule';
import { caseClosedRule } from './case-closed.rule';
import { ComplianceRule } from './compliance-rule';
import { doNotContactRule } from './do-not-contact.rule';

/**
 * Every contact rule in force, in the order they are asked. A closed case, then a barred
 * number or address, are named before the time of day: they are the reasons that hold
 * whenever the contact is tried.
 */
export const contactComplianceRules: readonly ComplianceRule[] = [caseClosedRule, doNotContactRule, callWindowRule];
