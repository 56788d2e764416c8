import { fold } from '@lib/es-core';
import { given } from '@lib/es-core/testing/given-when-then';
import { ledgerDecider } from './ledger.decider';
import type { LedgerEvent } from './ledger.events';
import { legalRate, NOW, opened, payment, posted, reversal } from './ledger.fixtures';

describe('reversing a payment', () => {
  const splitPayment = posted({
    amount: 16_003,
    allocations: [
      { invoiceNumber: 'INV-1', amount: 10_000 },
      { invoiceNumber: 'INV-2', amount: 6_003 },
    ],
    commission: 4_001,
    balanceAfter: 43_997,
  });

  it('restores the open amounts of the invoices it paid and takes back its commission exactly', () => {
    given(ledgerDecider, [opened(), splitPayment])
      .when(reversal({ reason: 'chargeback' }))
      .then([
        {
          type: 'PaymentReversed',
          data: {
            accountId: 'acc-1',
            clientId: 'client-1',
            paymentId: 'pay-1',
            amount: 16_003,
            currency: 'USD',
            allocations: splitPayment.data.allocations,
            commission: 4_001,
            credit: 0,
            reason: 'chargeback',
            balanceAfter: 60_000,
            reversedAt: NOW.toISOString(),
            stage: 'in-hold',
          },
        },
      ]);
  });

  it('leaves the ledger as it was before the payment, even after the rate changed', () => {
    const before = fold(ledgerDecider, [opened()]);
    const history: LedgerEvent[] = [opened(), splitPayment, legalRate()];
    const { decision } = given(ledgerDecider, history).when(reversal());
    expect(decision).toMatchObject([{ data: { commission: 4_001 } }]);
    const after = fold(ledgerDecider, [...history, ...(decision as LedgerEvent[])]);
    if (after.status !== 'open' || before.status !== 'open') throw new Error('ledger should be open');
    expect(after.invoices).toEqual(before.invoices);
    expect(after.commissionTotal).toBe(0);
    expect(after.payments).toMatchObject([{ paymentId: 'pay-1', reversal: { reason: 'nsf' } }]);
  });

  it('takes back the credit an over-payment left owed', () => {
    const overPaid = given(ledgerDecider, [opened()]).when(payment({ amount: 61_000 })).decision as LedgerEvent[];
    const { decision } = given(ledgerDecider, [opened(), ...overPaid]).when(reversal());
    expect(decision).toMatchObject([{ data: { amount: 61_000, credit: 1_000, commission: 15_000, balanceAfter: 60_000 } }]);
    const after = fold(ledgerDecider, [opened(), ...overPaid, ...(decision as LedgerEvent[])]);
    expect(after).toMatchObject({ creditOwed: 0, commissionTotal: 0 });
  });

  it('refuses to reverse a payment twice (rule payment-already-reversed)', () => {
    const reversed = given(ledgerDecider, [opened(), splitPayment]).when(reversal()).decision as LedgerEvent[];
    given(ledgerDecider, [opened(), splitPayment, ...reversed])
      .when(reversal({ reason: 'error' }))
      .thenRejects('payment-already-reversed');
  });

  it('refuses to reverse a payment the ledger does not hold (rule payment-unknown)', () => {
    given(ledgerDecider, [opened(), splitPayment]).when(reversal({ paymentId: 'pay-9' })).thenRejects('payment-unknown');
  });

  it('refuses to reverse on an account with no ledger (rule ledger-unknown)', () => {
    given(ledgerDecider).when(reversal()).thenRejects('ledger-unknown');
  });
});
