import { debtorJurisdiction } from '../debtor-time/debtor-time';
import type { ContactCase } from '../contact-case/contact-case.state';

/**
 * The accounts a rule applies to. Every part narrows: a rule for consumer accounts in
 * `US-MA` applies only to consumer accounts whose debtor is in Massachusetts.
 */
export interface RuleScope {
  /** `consumer` (a person's personal debt: the FDCPA and Regulation F), `commercial`, or `all`. */
  accounts: 'all' | 'consumer' | 'commercial';
  /** ISO 3166-2 (`US-MA`) or a country (`US`); absent: every jurisdiction. */
  jurisdictions?: readonly string[];
  /** Client ids; absent: every client. */
  clients?: readonly string[];
}

export const EVERY_ACCOUNT: RuleScope = { accounts: 'all' };

/** The account facts scopes are judged on. */
export type ScopedAccount = Pick<ContactCase, 'commercial' | 'clientId' | 'debtor'>;

/** A jurisdiction names the debtor's region (`US-MA`) or its whole country (`US`). */
function inJurisdiction(jurisdictions: readonly string[], account: ScopedAccount): boolean {
  const here = debtorJurisdiction(account.debtor.country, account.debtor.region);
  const country = account.debtor.country.trim().toUpperCase();
  return jurisdictions.some((j) => j === here || j === country);
}

export function appliesTo(scope: RuleScope = EVERY_ACCOUNT, account: ScopedAccount): boolean {
  if (scope.accounts === 'consumer' && account.commercial) return false;
  if (scope.accounts === 'commercial' && !account.commercial) return false;
  if (scope.jurisdictions && !inJurisdiction(scope.jurisdictions, account)) return false;
  if (scope.clients && !scope.clients.includes(account.clientId)) return false;
  return true;
}

/** The rules of a pack that apply to an account, in the pack's order. */
export function rulesApplyingTo<R extends { scope?: RuleScope }>(rules: readonly R[], account: ScopedAccount): R[] {
  return rules.filter((rule) => appliesTo(rule.scope, account));
}
