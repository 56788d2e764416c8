import { contract } from '../contract';

/** Published by legal-referral, keyed by account id. */
export const LEGAL_REFERRALS = 'legal.referrals';

/** Stages of the legal pipeline, in order. */
export type LegalStage = 'recommended' | 'authorized' | 'forwarded';

export interface LegalStageChangedV1 {
  accountId: string;
  clientId: string;
  stage: LegalStage;
  balance: number;
  currency: string;
  attorneyId?: string;
  changedAt: string;
}

/** One event type for every pipeline move keeps consumers (reporting, webhooks) simple. */
export const LegalStageChanged = contract<LegalStageChangedV1>(LEGAL_REFERRALS, 'LegalStageChanged.v1', {
  accountId: 'string',
  clientId: 'string',
  stage: 'string',
  balance: 'int',
  currency: 'currency',
  attorneyId: 'string?',
  changedAt: 'instant',
});
