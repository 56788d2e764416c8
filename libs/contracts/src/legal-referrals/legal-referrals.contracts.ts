import { contract, DataOf } from '../contract';
import { s } from '../schema';

/** Published by legal-referral, keyed by account id. */
export const LEGAL_REFERRALS = 'legal.referrals';

/** Stages of the legal pipeline, in order. */
export const LEGAL_STAGES = ['recommended', 'authorized', 'forwarded'] as const;
export type LegalStage = (typeof LEGAL_STAGES)[number];

/** One event type for every pipeline move keeps consumers (reporting, webhooks) simple. */
export const LegalStageChanged = contract({
  topic: LEGAL_REFERRALS,
  type: 'LegalStageChanged.v1',
  summary: 'The account moved along the legal pipeline (recommended, authorized, forwarded to an attorney).',
  consumers: ['client-intake', 'payments', 'reporting'],
  schema: s.object({
    accountId: s.string(),
    clientId: s.string(),
    stage: s.enum(LEGAL_STAGES),
    balance: s.int(),
    currency: s.currency(),
    attorneyId: s.optional(s.string()),
    changedAt: s.instant(),
  }),
});
export type LegalStageChangedV1 = DataOf<typeof LegalStageChanged>;
