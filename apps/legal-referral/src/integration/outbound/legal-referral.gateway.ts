import { AccountTimeBarred, LegalStageChanged } from '@lib/contracts';
import { RecordedEvent } from '@lib/es-core';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { ReferralEvent } from '../../domain/referral/referral.events';
import { accountIdOfStream } from '../../legal-referral.dependencies';

/**
 * The relay hands the gateway every event of the service's store (the scheduler's and the
 * idempotency keys' too). A `referral-` stream is written only by the referral decider, so
 * its events are referral events: the stream id says which decider's events they are.
 */
function isReferralEvent(stored: RecordedEvent): stored is RecordedEvent<ReferralEvent> {
  return accountIdOfStream(stored.streamId) !== undefined;
}

/**
 * Domain events of legal-referral -> the published language (`legal.referrals`, keyed by
 * account id). Only the pipeline stages the contract knows are published; reviews that
 * did not recommend and ignored authorizations stay internal (the audit copy carries them).
 */
export function legalReferralGateway(stored: RecordedEvent): OutgoingMessage[] {
  if (!isReferralEvent(stored)) return [];
  const event = stored;
  switch (event.type) {
    case 'ReferralRecommended': {
      const { accountId, clientId, balance, currency, reviewedAt } = event.data;
      return [integrationMessage(LegalStageChanged, accountId, { accountId, clientId, stage: 'recommended', balance, currency, changedAt: reviewedAt }, stored)];
    }
    case 'ReferralAuthorized': {
      const { accountId, clientId, balance, currency, authorizedAt } = event.data;
      return [integrationMessage(LegalStageChanged, accountId, { accountId, clientId, stage: 'authorized', balance, currency, changedAt: authorizedAt }, stored)];
    }
    case 'ForwardedToAttorney': {
      const { accountId, clientId, balance, currency, attorneyId, forwardedAt } = event.data;
      return [integrationMessage(LegalStageChanged, accountId, { accountId, clientId, stage: 'forwarded', balance, currency, attorneyId, changedAt: forwardedAt }, stored)];
    }
    case 'StatuteOfLimitationsRanOut': {
      const { accountId, clientId, jurisdiction, claimType, expiresOn, citation, reason, noticedAt } = event.data;
      return [integrationMessage(AccountTimeBarred, accountId, { accountId, clientId, jurisdiction, claimType, expiredOn: expiresOn, citation, reason, noticedAt }, stored)];
    }
    default:
      return [];
  }
}
