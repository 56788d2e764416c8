import type { ComplianceDecision, Channel, Direction } from '../contact-case/contact-case.events';
import type { ContactCaseState } from '../contact-case/contact-case.state';
import { RuleScope, rulesApplyingTo } from './rule-scope';

/** The contact a rule judges: what, which way, and when (from the command, never a clock). */
export interface ContactUnderReview {
  channel: Channel;
  direction: Direction;
  /** The phone number or email address used, when the collector named it. */
  to?: string;
  /** The template of a message the agency sends (absent for a contact a collector records). */
  template?: { id: string; version: number; threatensSuit: boolean };
  now: Date;
}

/**
 * What a rule judged on, kept beside its decision where the decision alone would not
 * explain itself later: the time zones a local time was read in.
 */
export interface DecisionBasis {
  timeZones?: readonly string[];
}

export type RuleVerdict = ({ decision: 'allow' } | { decision: 'deny'; reason: string }) & DecisionBasis;

/**
 * A named, versioned contact rule. A rule that does not concern a contact (a call window
 * for a letter) allows it: the ledger then shows it was considered. A changed rule gets a
 * new version, so past decisions stay explained by the version that made them.
 */
export interface ComplianceRule {
  readonly name: string;
  readonly version: number;
  /** The accounts it applies to; absent: every account. */
  readonly scope?: RuleScope;
  /** What it checks, in a sentence: the rule pack's listing. */
  readonly checks?: string;
  judge(contact: ContactUnderReview, contactCase: Exclude<ContactCaseState, { status: 'none' }>): RuleVerdict;
}

export const allow: RuleVerdict = { decision: 'allow' };
export const allowOn = (basis: DecisionBasis): RuleVerdict => ({ decision: 'allow', ...basis });
export const deny = (reason: string, basis: DecisionBasis = {}): RuleVerdict => ({ decision: 'deny', reason, ...basis });

export type ComplianceOutcome =
  | { allowed: true; decisions: ComplianceDecision[] }
  | { allowed: false; denial: { rule: string; version: number; reason: string; timeZones?: string[] } };

/** The basis as the ledger stores it: present only when the rule gave one. */
const recordedBasis = (verdict: RuleVerdict): { timeZones?: string[] } => (verdict.timeZones ? { timeZones: [...verdict.timeZones] } : {});

/**
 * Runs the rules that apply to the case's account (its scope: consumer or commercial,
 * jurisdiction, client) in order; the first that denies names the reason and the rest are
 * not asked. A rule out of scope is neither asked nor listed in the ledger.
 */
export function reviewContact(
  rules: readonly ComplianceRule[],
  contact: ContactUnderReview,
  contactCase: Exclude<ContactCaseState, { status: 'none' }>,
): ComplianceOutcome {
  const decisions: ComplianceDecision[] = [];
  for (const rule of rulesApplyingTo(rules, contactCase)) {
    const verdict = rule.judge(contact, contactCase);
    if (verdict.decision === 'deny') return { allowed: false, denial: { rule: rule.name, version: rule.version, reason: verdict.reason, ...recordedBasis(verdict) } };
    decisions.push({ rule: rule.name, version: rule.version, decision: 'allow', ...recordedBasis(verdict) });
  }
  return { allowed: true, decisions };
}
