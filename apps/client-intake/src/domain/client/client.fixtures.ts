import type { ClientEvent } from './client.events';
import { defaultAgreement } from './onboard-client.decide';

export const ONBOARDED_AT = '2026-01-01T00:00:00.000Z';

export const onboarded: ClientEvent = { type: 'ClientOnboarded', data: { clientId: 'client-1', name: 'Northwind', agreement: defaultAgreement(ONBOARDED_AT) } };

export const hashOf = (keyId: string) => `sha256-of-${keyId}`;

export function issued(keyId: string): ClientEvent {
  return { type: 'ApiKeyIssued', data: { clientId: 'client-1', keyId, keyHash: hashOf(keyId) } };
}

/** A negotiated agreement as an admin sends it: money in major units of USD. */
export function agreementRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    currency: 'USD',
    ratePlan: {
      planId: 'northwind-2026',
      baseRateBp: 2_500,
      tiers: [
        { tierId: 'nsf', category: 'nsf-cheque', rateBp: 5_000 },
        { tierId: 'aged', minAgeDays: 365, rateBp: 3_300 },
        { tierId: 'large', minPlacedAmount: '50000.00', rateBp: 2_000 },
      ],
      collectedThresholds: [{ upTo: '300.00', rateBp: 5_000 }],
      minimumFee: '10.00',
      maximumFee: '20000.00',
      legalRateBp: 4_000,
      halfFeeCases: ['returned-merchandise', 'paid-before-placement'],
    },
    remittance: 'net',
    remittancePeriod: 'monthly',
    clearedFundsHoldDays: { ach: 5, card: 3, check: 10, wire: 0, cash: 0 },
    settlementAuthorityBp: 8_000,
    legalReferral: { authority: 'client-approval', minimumBalance: '5000.00' },
    costAdvance: { clientAdvancesCosts: true, approvalAbove: '500.00' },
    cancellationFee: { flat: '25.00', rateOfBalanceBp: 500 },
    ...overrides,
  };
}
