import { AccountTimeBarred, LegalStage, LegalStageChanged, LegalStageChangedV2 } from '@lib/contracts';
import { RecordedEvent } from '@lib/es-core';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { ReferralEvent } from '../../domain/referral/referral.events';
import { accountIdOfStream } from '../../legal-referral.dependencies';

/**
 * The relay hands the gateway every event of the service's store (the scheduler's, the
 * panel's and the idempotency keys' too). A `referral-` stream is written only by the
 * referral decider, so its events are referral events: the stream id says which decider's
 * events they are.
 */
function isReferralEvent(stored: RecordedEvent): stored is RecordedEvent<ReferralEvent> {
  return accountIdOfStream(stored.streamId) !== undefined;
}

type StageChange = Omit<LegalStageChangedV2, 'accountId' | 'clientId' | 'balance' | 'currency'>;

/** What each referral event publishes as a stage, if any. Every one of them carries the client, the balance and the currency. */
function stageChangeOf(event: ReferralEvent): StageChange | undefined {
  switch (event.type) {
    case 'ReferralRecommended':
      // A recommendation from before supervisor approval asked the client at once.
      return { stage: event.data.awaitsApproval ? 'pending-approval' : 'recommended', changedAt: event.data.reviewedAt };
    case 'ReferralNotRecommended':
      return { stage: 'not-recommended', changedAt: event.data.reviewedAt };
    case 'RecommendationApproved':
      return { stage: 'recommended', changedAt: event.data.approvedAt };
    case 'RecommendationDeclined':
      return { stage: 'not-recommended', changedAt: event.data.declinedAt };
    case 'ReferralAuthorized':
      return { stage: 'authorized', changedAt: event.data.authorizedAt };
    case 'ForwardedToAttorney':
      return { stage: 'forwarded', attorneyId: event.data.attorneyId, changedAt: event.data.forwardedAt };
    case 'AttorneyAcknowledged':
      return { stage: 'acknowledged', attorneyId: event.data.attorneyId, changedAt: event.data.acknowledgedAt };
    case 'SuitFiled': {
      const { suitFee, courtCosts } = event.data;
      const suitCosts = suitFee === undefined && courtCosts === undefined ? {} : { suitCosts: { suitFee: suitFee ?? 0, courtCosts: courtCosts ?? 0 } };
      return { stage: 'suit-filed', attorneyId: event.data.attorneyId, ...suitCosts, changedAt: event.data.filedAt };
    }
    case 'DebtorServed':
      return { stage: 'served', attorneyId: event.data.attorneyId, changedAt: event.data.servedAt };
    case 'AnswerOrDefaultRecorded':
      return { stage: event.data.response, attorneyId: event.data.attorneyId, changedAt: event.data.recordedAt };
    case 'JudgmentEntered': {
      const { amount, interest, costs, court, caseNumber } = event.data;
      const suit = court !== undefined && caseNumber !== undefined ? { court, caseNumber } : {};
      return { stage: 'judgment', attorneyId: event.data.attorneyId, judgment: { amount, interest, costs, ...suit }, changedAt: event.data.enteredAt };
    }
    case 'EnforcementStarted':
      return { stage: 'enforcement', attorneyId: event.data.attorneyId, changedAt: event.data.startedAt };
    case 'AttorneyCollected':
      return { stage: 'collected', attorneyId: event.data.attorneyId, collection: { paymentId: event.data.paymentId, amount: event.data.amount }, changedAt: event.data.collectedAt };
    case 'LegalFileClosed':
      return { stage: 'closed', attorneyId: event.data.attorneyId, outcome: event.data.outcome, changedAt: event.data.closedAt };
    case 'RecalledFromAttorney':
      return { stage: 'recalled', attorneyId: event.data.attorneyId, changedAt: event.data.recalledAt };
    default:
      return undefined;
  }
}

/**
 * Domain events of legal-referral -> the published language (`legal.referrals`, keyed by
 * account id). Every stage of the pipeline is published, from the review's verdict to the
 * attorney's last milestone; ignored authorizations, payments, closings and reopenings stay
 * internal (the audit copy carries them).
 */
export function legalReferralGateway(stored: RecordedEvent): OutgoingMessage[] {
  if (!isReferralEvent(stored)) return [];
  if (stored.type === 'StatuteOfLimitationsRanOut') {
    const { accountId, clientId, jurisdiction, claimType, expiresOn, citation, reason, noticedAt } = (stored as Extract<ReferralEvent, { type: 'StatuteOfLimitationsRanOut' }>).data;
    return [integrationMessage(AccountTimeBarred, accountId, { accountId, clientId, jurisdiction, claimType, expiredOn: expiresOn, citation, reason, noticedAt }, stored)];
  }
  const change = stageChangeOf(stored);
  const { accountId, clientId, balance, currency } = stored.data as { accountId: string; clientId?: string; balance?: number; currency?: string };
  // Every publishing event carries them; only a review recorded before v2 lacks its client, and it was never published.
  if (!change || clientId === undefined || balance === undefined || currency === undefined) return [];
  const stage: LegalStage = change.stage;
  return [integrationMessage(LegalStageChanged, accountId, { ...change, accountId, clientId, balance, currency, stage }, stored)];
}
