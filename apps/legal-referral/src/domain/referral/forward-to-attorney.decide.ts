import { Decision, reject, Rejection } from '@lib/es-core';
import { STANDING_LEGAL_CRITERIA } from '../criteria/default-legal-criteria';
import { describeFailures, failedCriteria } from '../criteria/legal-criterion';
import { ATTORNEY_JURISDICTION_MISMATCH, debtorJurisdiction, panelAttorneyCoverage } from './attorney-jurisdiction.rule';
import type { ForwardToAttorney } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralCase } from './referral.state';

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
