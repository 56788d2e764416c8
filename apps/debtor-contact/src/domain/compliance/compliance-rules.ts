import { callWindowRule } from './call-window.rule';
import { caseClosedRule } from './case-closed.rule';
import { ComplianceRule } from './compliance-rule';

/**
 * Every contact rule in force, in the order they are asked. A closed case is named before
 * the time of day: it is the reason that holds whenever the contact is tried.
 */
export const contactComplianceRules: readonly ComplianceRule[] = [caseClosedRule, callWindowRule];
