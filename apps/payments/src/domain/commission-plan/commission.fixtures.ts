import type { AgreementVersion, RatePlan } from './agreement';

export function ratePlan(overrides: Partial<RatePlan> = {}): RatePlan {
  return { planId: 'plan-a', baseRateBp: 2_500, tiers: [], collectedThresholds: [], minimumFee: null, maximumFee: null, legalRateBp: 4_000, halfFeeCases: [], ...overrides };
}

export function agreementVersion(version: number, effectiveFrom: string, plan: Partial<RatePlan> = {}, overrides: Partial<AgreementVersion> = {}): AgreementVersion {
  return {
    clientId: 'client-1',
    version,
    effectiveFrom,
    recordedAt: effectiveFrom,
    currency: 'USD',
    ratePlan: ratePlan(plan),
    remittance: 'net',
    remittancePeriod: 'monthly',
    clearedFundsHoldDays: { ach: 5, card: 3, check: 10, wire: 0, cash: 0 },
    settlementAuthorityBp: 8_000,
    legalReferral: { authority: 'client-approval', minimumBalance: 500_000 },
    costAdvance: { clientAdvancesCosts: true, approvalAbove: 50_000 },
    cancellationFee: { flat: 2_500, rateOfBalanceBp: 500 },
    ...overrides,
  };
}
