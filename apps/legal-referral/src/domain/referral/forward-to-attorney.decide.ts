import { Decision, reject } from '@lib/es-core';
import { STANDING_LEGAL_CRITERIA } from '../criteria/default-legal-criteria';
import { describeFailures, failedCriteria } from '../criteria/legal-criterion';
import { ATTORNEY_JURISDICTION_MISMATCH, attorneyJurisdictionVerdict } from './attorney-jurisdiction.rule';
import type { ForwardToAttorney } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralCase } from './referral.state';

/**
 * Commercial practice: the agency forwards, the receiving attorney sues; only with the
 * client's authorization, only while the criteria that time and payments can undo still
 * hold now (a time-barred account is never referred), and only to an attorney for the
 * debtor's jurisdiction. The account's own reasons come before the attorney's: they hold
 * whichever attorney is chosen. A refusal records nothing; the case stays authorized, so it
 * forwards once the reason goes away (a bounced payment restores the balance).
 */
export function decideForwardToAttorney(command: ForwardToAttorney, state: ReferralCase): Decision<ReferralEvent> {
  if (state.stage === 'forwarded') return reject('already-forwarded', `already forwarded to attorney ${state.attorney?.attorneyId ?? ''}`.trim());
  if (state.stage === 'closed') return reject('referral-closed', 'the account is closed');
  if (state.stage !== 'authorized') return reject('referral-not-authorized', 'the client has not authorized suit on this account');
  const noLongerHolds = failedCriteria(STANDING_LEGAL_CRITERIA, { referral: state, now: command.now });
  if (noLongerHolds.length > 0) return reject(noLongerHolds[0].rule, describeFailures(noLongerHolds));
  const jurisdiction = attorneyJurisdictionVerdict(command.jurisdiction, state);
  if (!jurisdiction.pass) return reject(ATTORNEY_JURISDICTION_MISMATCH, jurisdiction.reason);
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
        jurisdiction: command.jurisdiction,
        forwardedAt: command.now.toISOString(),
      },
    },
  ];
}
