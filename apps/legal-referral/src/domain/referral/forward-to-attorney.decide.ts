import { Decision, reject, Rejection } from '@lib/es-core';
import { STANDING_LEGAL_CRITERIA } from '../criteria/default-legal-criteria';
import { describeFailures, failedCriteria } from '../criteria/legal-criterion';
import { ATTORNEY_AT_CAPACITY, ATTORNEY_NOT_ON_PANEL, NO_PANEL_ATTORNEY_AVAILABLE } from '../attorney-panel/attorney-panel.decider';
import { ATTORNEY_JURISDICTION_MISMATCH, debtorJurisdiction, panelAttorneyCoverage } from './attorney-jurisdiction.rule';
import type { ForwardToAttorney } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralCase } from './referral.state';

/**
 * The rules a forwarding is judged by, in the order asked: the account's own (its stage,
 * the standing criteria), then the panel's (the attorney chosen or found, their coverage
 * and capacity). A forwarding recorded passed them all (the ledger's allowance).
 */
export const FORWARD_TO_ATTORNEY_RULES: readonly string[] = [
  'already-forwarded',
  'referral-closed',
  'referral-not-authorized',
  ...STANDING_LEGAL_CRITERIA.map((criterion) => criterion.name),
  ATTORNEY_NOT_ON_PANEL,
  ATTORNEY_JURISDICTION_MISMATCH,
  ATTORNEY_AT_CAPACITY,
  NO_PANEL_ATTORNEY_AVAILABLE,
];

/** The version of a forwarding rule: the standing criteria's own; the others are not versioned. */
export const forwardingRuleVersion = (rule: string): number | null => {
  const criterion = STANDING_LEGAL_CRITERIA.find((candidate) => candidate.name === rule);
  return criterion ? (criterion.version ?? 1) : null;
};

/**
 * Why the case cannot go to any attorney now, if it cannot: the account's own reasons,
 * which hold whichever attorney is chosen. The forwarding asks them before it takes a place
 * on an attorney's caseload.
 */
export function refusalToForward(state: ReferralCase, now: Date): Rejection<ReferralEvent> | undefined {
  if (state.stage === 'forwarded') return reject('already-forwarded', `already forwarded to attorney ${state.attorney?.attorneyId ?? ''}`.trim());
  if (state.stage === 'closed') return reject('referral-closed', 'the account is closed');
  if (state.stage !== 'authorized') return reject('referral-not-authorized', 'the client has not authorized suit on this account');
  const noLongerHolds = failedCriteria(STANDING_LEGAL_CRITERIA, { referral: state, now });
  if (noLongerHolds.length > 0) return reject(noLongerHolds[0].rule, describeFailures(noLongerHolds));
  return undefined;
}

/**
 * Commercial practice: the agency forwards, the receiving attorney sues; only with the
 * client's authorization, only while the criteria that time and payments can undo still
 * hold now (a time-barred account is never referred), and only to a panel attorney that
 * covers the debtor's jurisdiction. The account's own reasons come before the attorney's:
 * they hold whichever attorney is chosen. A refusal records nothing; the case stays
 * authorized, so it forwards once the reason goes away (a bounced payment restores the balance).
 */
export function decideForwardToAttorney(command: ForwardToAttorney, state: ReferralCase): Decision<ReferralEvent> {
  const refusal = refusalToForward(state, command.now);
  if (refusal) return refusal;
  const coverage = panelAttorneyCoverage(command.jurisdictions, state);
  if (!coverage.pass) return reject(ATTORNEY_JURISDICTION_MISMATCH, coverage.reason);
  return [
    {
      type: 'ForwardedToAttorney',
      data: {
        accountId: state.accountId,
        clientId: state.clientId,
        balance: state.balance,
        currency: state.currency,
        attorneyId: command.attorneyId,
        attorneyName: command.attorneyName,
        jurisdiction: debtorJurisdiction(state.debtorCountry, state.debtorRegion),
        forwardedAt: command.now.toISOString(),
        feeSchedule: { suitFee: command.feeSchedule.suitFee, contingencyBp: command.feeSchedule.contingencyBp },
      },
    },
  ];
}
