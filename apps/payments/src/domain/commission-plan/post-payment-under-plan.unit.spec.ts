import { given } from '@lib/es-core/testing/given-when-then';
import { ledgerDecider } from '../ledger/ledger.decider';
import type { PaymentPosted } from '../ledger/ledger.events';
import { legalRate, NOW, opened, payment, posted } from '../ledger/ledger.fixtures';
import { agreementsDecider } from './agreements.decider';
import { agreementVersion } from './commission.fixtures';

// Placed 2026-05-01: 90 days after the oldest due date (INV-1, 2026-01-31); 600.00 placed.
const placed = opened({ placedAt: '2026-05-01T00:00:00.000Z', placedAmount: 60_000 });
const v1 = agreementVersion(1, '2026-05-15T00:00:00.000Z', { planId: 'nw-2026', baseRateBp: 2_000, tiers: [{ tierId: 'young', maxAgeDays: 180, rateBp: 3_000 }] });
const v2 = agreementVersion(2, '2026-07-01T00:00:00.000Z', { planId: 'nw-2026b', baseRateBp: 1_500 });

function postedEvent(decision: unknown): PaymentPosted['data'] {
  const event = (decision as PaymentPosted[]).find((e) => e.type === 'PaymentPosted.v2');
  if (!event) throw new Error(`no payment posted: ${JSON.stringify(decision)}`);
  return event.data;
}

describe('posting a payment under the client’s rate plan', () => {
  it('charges the tier of the version in force and stamps plan id, version and tier', () => {
    const { decision } = given(ledgerDecider, [placed]).when(payment({ agreements: [v1, v2] }));
    expect(postedEvent(decision)).toMatchObject({ commission: 1_500, commissionRateBp: 3_000, plan: { planId: 'nw-2026', agreementVersion: 1, tierId: 'young' }, feeCase: null });
  });

  it('uses the version in force at the moment of the payment: a later version only from its date', () => {
    const { decision } = given(ledgerDecider, [placed]).when(payment({ agreements: [v1, v2], now: new Date('2026-07-01T00:00:00.000Z') }));
    expect(postedEvent(decision)).toMatchObject({ commission: 750, plan: { planId: 'nw-2026b', agreementVersion: 2, tierId: 'base' } });
  });

  it('charges the placement rate, unstamped, before any version is in force', () => {
    const { decision } = given(ledgerDecider, [placed]).when(payment({ agreements: [v1], now: new Date('2026-05-14T23:59:59.999Z') }));
    expect(postedEvent(decision)).toMatchObject({ commission: 1_250, commissionRateBp: 2_500, plan: null });
  });

  it('charges the placement rate for a ledger opened before plans (no placement terms)', () => {
    given(ledgerDecider, [opened()]).when(payment({ agreements: [v1] })).then([posted()]);
  });

  it('charges the placement rate when the plan is in another currency than the account', () => {
    const euro = agreementVersion(1, '2026-05-15T00:00:00.000Z', { baseRateBp: 9_000 }, { currency: 'EUR' });
    const { decision } = given(ledgerDecider, [placed]).when(payment({ agreements: [euro] }));
    expect(postedEvent(decision)).toMatchObject({ commission: 1_250, plan: null });
  });

  it("charges the plan's legal rate, not a constant, once the account is with an attorney", () => {
    const legal = agreementVersion(1, '2026-05-15T00:00:00.000Z', { legalRateBp: 3_500 });
    const { decision } = given(ledgerDecider, [placed, legalRate()]).when(payment({ agreements: [legal] }));
    expect(postedEvent(decision)).toMatchObject({ commission: 1_750, commissionRateBp: 3_500, plan: { tierId: 'legal' } });
  });

  it('records the half-fee case the payment was posted as, halving the fee when the plan names it', () => {
    const half = agreementVersion(1, '2026-05-15T00:00:00.000Z', { halfFeeCases: ['paid-before-placement'] });
    const { decision } = given(ledgerDecider, [placed]).when(payment({ agreements: [half], feeCase: 'paid-before-placement' }));
    expect(postedEvent(decision)).toMatchObject({ commission: 625, feeCase: 'paid-before-placement' });
  });

  it('counts collected-to-date over the account’s standing payments only (a reversed one no longer counts)', () => {
    const threshold = agreementVersion(1, '2026-05-15T00:00:00.000Z', { baseRateBp: 2_000, collectedThresholds: [{ upTo: 6_000, rateBp: 5_000 }] });
    const first = posted({ amount: 5_000, commission: 2_500, plan: { planId: 'plan-a', agreementVersion: 1, tierId: 'base' } });
    const reversed = { type: 'PaymentReversed' as const, data: { accountId: 'acc-1', clientId: 'client-1', paymentId: 'pay-1', amount: 5_000, currency: 'USD', allocations: first.data.allocations, commission: 2_500, credit: 0, reason: 'nsf' as const, balanceAfter: 60_000, reversedAt: NOW.toISOString() } };
    const standing = given(ledgerDecider, [placed, first]).when(payment({ paymentId: 'pay-2', agreements: [threshold] }));
    expect(postedEvent(standing.decision).commission).toBe(500 + 800); // 10.00 left at 50%, 40.00 at 20%
    const afterReversal = given(ledgerDecider, [placed, first, reversed]).when(payment({ paymentId: 'pay-2', agreements: [threshold] }));
    expect(postedEvent(afterReversal.decision).commission).toBe(2_500);
  });
});

describe("payments' copy of a client's agreement versions", () => {
  it('records a version once; a redelivery changes nothing', () => {
    given(agreementsDecider).when({ type: 'RecordAgreementVersion', version: v1 }).then([{ type: 'AgreementVersionReceived' as const, data: v1 }]);
    given(agreementsDecider, [{ type: 'AgreementVersionReceived' as const, data: v1 }]).when({ type: 'RecordAgreementVersion', version: v1 }).then([]);
  });
});
