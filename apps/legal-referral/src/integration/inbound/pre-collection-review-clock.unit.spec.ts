import type { AccountPlacedV2 } from '@lib/contracts';
import type { CommandContext } from '@lib/es-core';
import { OpenReferralCase } from '../../application/open-referral-case/open-referral-case.command';
import { openReferralCase } from './open-referral-case.consumer';

const placement: AccountPlacedV2 = {
  accountId: 'acc-1',
  clientId: 'client-1',
  clientReference: 'REF-1',
  commercial: true,
  category: 'standard',
  debtor: { kind: 'company', legalName: 'Acme Ltd', country: 'US', region: 'NY', taxId: null, addresses: [], phones: [], emails: [] },
  invoices: [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 500_000, currency: 'USD' }],
  currency: 'USD',
  placedAmount: 500_000,
  buckets: { principal: 500_000, interest: 0, fees: 0, costs: 0 },
  commissionRateBp: 2_500,
  placedAt: '2026-03-01T12:00:00.000Z',
};
const context = {} as CommandContext;
const placedAtOf = (data: AccountPlacedV2) => (openReferralCase.command!(data, context, undefined as never) as OpenReferralCase).referral.placedAt;

describe('the legal review clock of a pre-collection account', () => {
  it('starts at the window end, when the account enters third-party collection', () => {
    const preCollection = { ...placement, service: 'pre-collection' as const, preCollection: { agreementVersion: 1, windowEndsAt: '2026-03-31T12:00:00.000Z', reminderDays: [0, 7], flatFee: 1_500 } };
    expect(placedAtOf(preCollection)).toBe('2026-03-31T12:00:00.000Z');
  });

  it('starts at placement for a third-party account', () => {
    expect(placedAtOf(placement)).toBe('2026-03-01T12:00:00.000Z');
    expect(placedAtOf({ ...placement, service: 'third-party' })).toBe('2026-03-01T12:00:00.000Z');
  });
});
