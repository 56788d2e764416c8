import { contract, DataOf } from '../contract';
import { s } from '../schema';

/** Published by client-intake, keyed by client id: what a client agreed with the agency. */
export const INTAKE_CLIENTS = 'intake.clients';

export const ACCOUNT_CATEGORIES = ['standard', 'nsf-cheque', 'out-of-business', 'second-placement', 'foreign'] as const;
export const HALF_FEE_CASES = ['returned-merchandise', 'paid-before-placement'] as const;
export const HOLD_METHODS = ['ach', 'card', 'check', 'wire', 'cash'] as const;

const tier = s.object({
  tierId: s.string(),
  rateBp: s.int(),
  category: s.optional(s.enum(ACCOUNT_CATEGORIES)),
  /** Age at placement (whole days from the oldest invoice's due date), inclusive. */
  minAgeDays: s.optional(s.int()),
  /** Exclusive. */
  maxAgeDays: s.optional(s.int()),
  /** Amount placed, minor units of the agreement's currency, inclusive. */
  minPlacedAmount: s.optional(s.int()),
  /** Exclusive. */
  maxPlacedAmount: s.optional(s.int()),
});

/**
 * One version of a client's negotiated agreement, in force from `effectiveFrom` until the
 * next version's. Money is integer minor units of `currency`, rates basis points.
 * Versions are numbered from 1 per client and never change once published.
 */
export const AgreementVersionPublished = contract({
  topic: INTAKE_CLIENTS,
  type: 'AgreementVersionPublished.v1',
  summary: "A version of a client's agreement: its commission rate plan, remittance, holds, authorities, cost advances and cancellation fee, effective from a date.",
  consumers: ['payments', 'debtor-contact'],
  schema: s.object({
    clientId: s.string(),
    version: s.int(),
    effectiveFrom: s.instant(),
    recordedAt: s.instant(),
    currency: s.currency(),
    ratePlan: s.object({
      planId: s.string(),
      baseRateBp: s.int(),
      /** Tried in order; the first whose every condition holds is the account's tier. */
      tiers: s.array(tier),
      /** Ascending `upTo` (collected to date, minor units): "first 300.00 at 50%". */
      collectedThresholds: s.array(s.object({ upTo: s.int(), rateBp: s.int() })),
      /** Per payment, never above the amount applied. */
      minimumFee: s.nullable(s.int()),
      /** Per account, all its payments' commission together. */
      maximumFee: s.nullable(s.int()),
      legalRateBp: s.int(),
      halfFeeCases: s.array(s.enum(HALF_FEE_CASES)),
    }),
    remittance: s.enum(['net', 'gross', 'combined'] as const),
    remittancePeriod: s.enum(['weekly', 'semi-monthly', 'monthly'] as const),
    clearedFundsHoldDays: s.object({ ach: s.int(), card: s.int(), check: s.int(), wire: s.int(), cash: s.int() }),
    settlementAuthorityBp: s.int(),
    /**
     * `legalRateEndsOnClose` true: payments posted after the attorney closed its file
     * (legal-referral's stage `closed`) earn the contingency rate again. Absent (older
     * versions) or false: the legal rate stays once the account was forwarded.
     */
    legalReferral: s.object({ authority: s.enum(['client-approval', 'pre-authorized'] as const), minimumBalance: s.int(), legalRateEndsOnClose: s.optional(s.boolean()) }),
    costAdvance: s.object({ clientAdvancesCosts: s.boolean(), approvalAbove: s.int() }),
    cancellationFee: s.object({ flat: s.int(), rateOfBalanceBp: s.int() }),
    /**
     * Pre-collection (first-party) service, when the agreement offers it: reminders in the
     * client's name on `reminderDays` (days from placement) during `windowDays`, for
     * `flatFee` per account (minor units) and no contingency commission. Absent: the
     * client may place third-party accounts only.
     */
    preCollection: s.optional(s.object({ windowDays: s.int(), reminderDays: s.array(s.int()), flatFee: s.int() })),
  }),
});
export type AgreementVersionPublishedV1 = DataOf<typeof AgreementVersionPublished>;

/**
 * The agency's default agreement a client is onboarded with (version 0), published once at
 * onboarding, keyed by client id. It is not a rate plan: it has no currency, and its
 * commission is the default plan fixed at each placement, so payments does not consume it
 * (docs/client-intake.md, "Decisions"). Debtor contact takes its settlement authority as the
 * client's version 0, in force until the first negotiated version takes effect.
 */
export const OnboardingAgreementPublished = contract({
  topic: INTAKE_CLIENTS,
  type: 'OnboardingAgreementPublished.v1',
  summary: "The default agreement a client was onboarded with: in force from onboarding until its first negotiated version takes effect.",
  consumers: ['debtor-contact'],
  schema: s.object({
    clientId: s.string(),
    /** Always 0: negotiated versions are numbered from 1. */
    version: s.int(),
    effectiveFrom: s.instant(),
    ratePlan: s.enum(['default'] as const),
    legalRateBp: s.int(),
    remittance: s.enum(['net', 'gross', 'combined'] as const),
    remittancePeriod: s.enum(['monthly'] as const),
    /** One figure for every payment method. */
    clearedFundsHoldDays: s.int(),
    settlementAuthorityBp: s.int(),
  }),
});
export type OnboardingAgreementPublishedV1 = DataOf<typeof OnboardingAgreementPublished>;
