import { Decider, Decision, reject } from '@lib/es-core';
import { decideCloseReferralCase } from './close-referral-case.decide';
import { decideForwardToAttorney } from './forward-to-attorney.decide';
import { decideNotePaymentReversal } from './note-payment-reversal.decide';
import { decideNotePayment } from './note-payment.decide';
import { decideOpenReferralCase } from './open-referral-case.decide';
import { decideRecordClientAuthorization } from './record-client-authorization.decide';
import type { ReferralCommand } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import { evolveReferral, initialReferralState, ReferralState } from './referral.state';
import { decideReopenReferralCase } from './reopen-referral-case.decide';
import { decideReviewForLegal } from './review-for-legal.decide';
import { decideEndSolTolling, decideRecordDebtAcknowledgement, decideRecordSolTolling } from '../statute-of-limitations/limitations.decide';
import { decideApproveRecommendation, decideDeclineRecommendation } from './approve-recommendation.decide';
import { decideRecordLegalMilestone } from './record-legal-milestone.decide';

function decide(command: ReferralCommand, state: ReferralState): Decision<ReferralEvent> {
  if (command.type === 'OpenReferralCase') return decideOpenReferralCase(command, state);
  if (command.type === 'ReviewForLegal') return decideReviewForLegal(command, state);
  if (state.stage === 'none') return reject('referral-unknown', 'no referral case for this account');
  switch (command.type) {
    case 'NotePayment':
      return decideNotePayment(command, state);
    case 'NotePaymentReversal':
      return decideNotePaymentReversal(command, state);
    case 'CloseReferralCase':
      return decideCloseReferralCase(command, state);
    case 'ReopenReferralCase':
      return decideReopenReferralCase(command, state);
    case 'RecordClientAuthorization':
      return decideRecordClientAuthorization(command, state);
    case 'ForwardToAttorney':
      return decideForwardToAttorney(command, state);
    case 'RecordDebtAcknowledgement':
      return decideRecordDebtAcknowledgement(command, state);
    case 'RecordSolTolling':
      return decideRecordSolTolling(command, state);
    case 'EndSolTolling':
      return decideEndSolTolling(command, state);
    case 'ApproveRecommendation':
      return decideApproveRecommendation(command, state);
    case 'DeclineRecommendation':
      return decideDeclineRecommendation(command, state);
    case 'RecordLegalMilestone':
      return decideRecordLegalMilestone(command, state);
  }
}

/** One referral case per account, stream `referral-<accountId>`. */
export const referralDecider: Decider<ReferralState, ReferralCommand, ReferralEvent> = {
  initialState: initialReferralState,
  evolve: evolveReferral,
  decide,
};
