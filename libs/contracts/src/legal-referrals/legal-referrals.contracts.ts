import { contract, DataOf, superseded } from '../contract';
import { s } from '../schema';

/** Published by legal-referral, keyed by account id. */
export const LEGAL_REFERRALS = 'legal.referrals';

/** The stages v1 knows, in order. */
export const LEGAL_STAGES_V1 = ['recommended', 'authorized', 'forwarded'] as const;

/**
 * Stages of the legal pipeline, in order: the review's verdict, the supervisor's approval,
 * the client's authorization, the forwarding, then the attorney's milestones to the file's
 * closing (or its recall from the attorney).
 */
export const LEGAL_STAGES = [
  'not-recommended',
  'pending-approval',
  'recommended',
  'authorized',
  'forwarded',
  'acknowledged',
  'suit-filed',
  'served',
  'answered',
  'defaulted',
  'judgment',
  'enforcement',
  'collected',
  'recalled',
  'closed',
] as const;
export type LegalStage = (typeof LEGAL_STAGES)[number];

/** How the attorney closed the file. */
export const LEGAL_OUTCOMES = ['paid-in-full', 'settled', 'judgment-uncollectible', 'dismissed', 'withdrawn'] as const;
export type LegalOutcome = (typeof LEGAL_OUTCOMES)[number];

/** The fields both versions share, in v1's order; only the stages differ. */
const stageChangeFields = <S extends readonly string[]>(stages: S) => ({
  accountId: s.string(),
  clientId: s.string(),
  stage: s.enum(stages),
  balance: s.int(),
  currency: s.currency(),
  attorneyId: s.optional(s.string()),
  changedAt: s.instant(),
});

/**
 * One event type for every pipeline move keeps consumers (reporting, webhooks, payments)
 * simple. v2 adds the stages before the client is asked and the attorney's milestones, and
 * what a milestone carries that a consumer acts on: the money the attorney collected (payments
 * posts it, method `attorney`), the judgment, the closing outcome.
 */
export const LegalStageChangedV2 = contract({
  topic: LEGAL_REFERRALS,
  type: 'LegalStageChanged.v2',
  summary: "The account moved along the legal pipeline: reviewed, approved, authorized, forwarded, then the receiving attorney's milestones to closing or recall.",
  consumers: ['client-intake', 'payments', 'reporting'],
  schema: s.object({
    ...stageChangeFields(LEGAL_STAGES),
    /** Stage `collected`: what the attorney collected, to be posted as a payment of method `attorney` under this id. */
    collection: s.optional(s.object({ paymentId: s.string(), amount: s.int() })),
    /**
     * Stage `judgment`: minor units of the account's currency; `costs` are the court costs
     * awarded against the debtor (payments recovers the court-costs advances spent, up to
     * them). `court` and `caseNumber`: the suit's, absent on judgments recorded before.
     */
    judgment: s.optional(s.object({ amount: s.int(), interest: s.int(), costs: s.int(), court: s.optional(s.string()), caseNumber: s.optional(s.string()) })),
    /**
     * Stage `suit-filed`: what the suit costs the client, minor units (0: none): the
     * attorney's `suitFee` from its fee schedule and the `courtCosts` of filing and service
     * the attorney reported. Payments requests each as a cost advance. Absent on suits
     * filed before court costs became cost advances.
     */
    suitCosts: s.optional(s.object({ suitFee: s.int(), courtCosts: s.int() })),
    /** Stage `closed`: how the attorney closed the file. */
    outcome: s.optional(s.enum(LEGAL_OUTCOMES)),
  }),
});
export type LegalStageChangedV2 = DataOf<typeof LegalStageChangedV2>;

export const LegalStageChangedV1 = superseded(
  contract({
    topic: LEGAL_REFERRALS,
    type: 'LegalStageChanged.v1',
    summary: 'Superseded by LegalStageChanged.v2 (three stages only); still on the topic, upcast on arrival.',
    consumers: ['client-intake', 'payments', 'reporting'],
    schema: s.object(stageChangeFields(LEGAL_STAGES_V1)),
  }),
  LegalStageChangedV2,
  // Every v1 stage is a v2 stage with the same meaning; v1 carries no milestone details.
  (v1): LegalStageChangedV2 => ({ ...v1 }),
);
export type LegalStageChangedV1 = DataOf<typeof LegalStageChangedV1>;

/** The version legal-referral publishes and consumers handle. */
export const LegalStageChanged = LegalStageChangedV2;
