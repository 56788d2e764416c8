import { fold } from '@lib/es-core';
import { given } from '@lib/es-core/testing/given-when-then';
import { agreementVersion } from '../commission-plan/commission.fixtures';
import type { RecordCancellationFee } from './ledger.commands';
import { ledgerDecider } from './ledger.decider';
import type { LedgerEvent } from './ledger.events';
import { NOW, opened, payment, posted } from './ledger.fixtures';

const direct = (overrides = {}) => payment({ paymentId: 'rep-1', method: 'check', direct: true, ...overrides });
const postedDirect = (overrides = {}) => posted({ paymentId: 'rep-1', method: 'check', direct: true, commissionOwedBy: 'client', clearsAt: NOW.toISOString(), ...overrides });

describe('a direct payment the client reported', () => {
  it('is posted like any payment (allocated, reducing the balance, charged), marked direct with its commission owed by the client, and cleared at once', () =>
    given(ledgerDecider, [opened()]).when(direct()).then([postedDirect()]));

  it('is charged from the client\'s plan in force, through the same commission computation as any payment', () => {
    const placed = opened({ placedAt: '2026-05-01T00:00:00.000Z', placedAmount: 60_000 });
    const plan = agreementVersion(1, '2026-05-15T00:00:00.000Z', { planId: 'nw-2026', baseRateBp: 2_000, tiers: [{ tierId: 'young', maxAgeDays: 180, rateBp: 3_000 }] });
    const { decision } = given(ledgerDecider, [placed]).when(direct({ agreements: [plan] }));
    expect(decision).toMatchObject([{ data: { direct: true, commissionOwedBy: 'client', commission: 1_500, plan: { planId: 'nw-2026', tierId: 'young' } } }]);
  });

  it('a redelivered report changes nothing', () => given(ledgerDecider, [opened(), postedDirect()]).when(direct()).then([]));

  it('keeps the client\'s share of the commission apart from what is deducted from collections', () => {
    const state = fold(ledgerDecider, [opened(), posted(), postedDirect({ allocations: [{ invoiceNumber: 'INV-1', amount: 5_000 }], balanceAfter: 50_000 })]);
    expect(state).toMatchObject({ commissionTotal: 2_500, commissionOwedByClient: 1_250, payments: [{ direct: false }, { direct: true }] });
  });

  it('a reversed direct payment takes its commission off what the client owes', () => {
    const reversedDirect: LedgerEvent = {
      type: 'PaymentReversed',
      data: { accountId: 'acc-1', clientId: 'client-1', paymentId: 'rep-1', amount: 5_000, currency: 'USD', allocations: [{ invoiceNumber: 'INV-1', amount: 5_000 }], commission: 1_250, credit: 0, reason: 'error', balanceAfter: 60_000, reversedAt: NOW.toISOString() },
    };
    expect(fold(ledgerDecider, [opened(), postedDirect(), reversedDirect])).toMatchObject({ commissionTotal: 0, commissionOwedByClient: 0 });
  });

  it('ledger-unknown: no ledger for the account', () => given(ledgerDecider).when(direct()).thenRejects('ledger-unknown'));
});

describe('the cancellation fee of a recall', () => {
  const fee = (overrides: Partial<RecordCancellationFee> = {}): RecordCancellationFee => ({
    type: 'RecordCancellationFee',
    amount: 55_000,
    currency: 'USD',
    agreementVersion: 2,
    recalledAt: NOW.toISOString(),
    ...overrides,
  });
  const owed: LedgerEvent = { type: 'CancellationFeeOwed', data: { accountId: 'acc-1', clientId: 'client-1', amount: 55_000, currency: 'USD', agreementVersion: 2, recalledAt: NOW.toISOString() } };

  it('goes on the ledger as owed by the client; payments posted and their commission stay', () => {
    given(ledgerDecider, [opened(), posted()]).when(fee()).then([owed]);
    expect(fold(ledgerDecider, [opened(), posted(), owed])).toMatchObject({ cancellationFeeOwed: 55_000, commissionTotal: 1_250, payments: [{ paymentId: 'pay-1' }] });
  });

  it('records nothing when no fee is owed (work had not begun)', () => given(ledgerDecider, [opened()]).when(fee({ amount: 0 })).then([]));

  it('records the fee of a recall once', () => given(ledgerDecider, [opened(), owed]).when(fee()).then([]));

  it('currency-mismatch: a fee in another currency than the ledger', () => given(ledgerDecider, [opened()]).when(fee({ currency: 'EUR' })).thenRejects('currency-mismatch'));

  it('ledger-unknown: no ledger for the account', () => given(ledgerDecider).when(fee()).thenRejects('ledger-unknown'));
});
