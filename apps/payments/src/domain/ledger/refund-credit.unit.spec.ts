import { fold } from '@lib/es-core';
import { given } from '@lib/es-core/testing/given-when-then';
import type { RefundCredit } from './ledger.commands';
import { ledgerDecider } from './ledger.decider';
import type { LedgerEvent } from './ledger.events';
import { NOW, opened, posted } from './ledger.fixtures';

const refund = (amount: number, overrides: Partial<RefundCredit> = {}): RefundCredit => ({ type: 'RefundCredit', refundId: 'ref-1', amount, currency: 'USD', now: NOW, ...overrides });

/** The debtor paid 62,500 on a 60,000 balance: 2,500 is owed back. */
const overPaid = posted({ amount: 62_500, allocations: [{ invoiceNumber: 'INV-1', amount: 10_000 }, { invoiceNumber: 'INV-2', amount: 20_000 }, { invoiceNumber: 'INV-3', amount: 30_000 }], commission: 15_000, credit: 2_500, balanceAfter: 0 });

describe('refunding an over-payment credit', () => {
  it('pays the payer back what the over-payment left owed, out of trust', () => {
    given(ledgerDecider, [opened(), overPaid])
      .when(refund(2_500))
      .then([{ type: 'CreditRefunded', data: { accountId: 'acc-1', clientId: 'client-1', refundId: 'ref-1', amount: 2_500, currency: 'USD', creditOwedAfter: 0, refundedAt: NOW.toISOString() } }]);
  });

  it('may refund in parts, each lowering the credit still owed', () => {
    const first: LedgerEvent = { type: 'CreditRefunded', data: { accountId: 'acc-1', clientId: 'client-1', refundId: 'ref-1', amount: 1_000, currency: 'USD', creditOwedAfter: 1_500, refundedAt: NOW.toISOString() } };
    const state = fold(ledgerDecider, [opened(), overPaid, first]);
    expect(state).toMatchObject({ creditOwed: 1_500 });
    given(ledgerDecider, [opened(), overPaid, first]).when(refund(1_501, { refundId: 'ref-2' })).thenRejects('refund-exceeds-credit');
  });

  it('refuses to refund more than is owed', () => {
    given(ledgerDecider, [opened(), overPaid]).when(refund(2_501)).thenRejects('refund-exceeds-credit');
  });

  it('refuses a refund on an account that owes no credit', () => {
    given(ledgerDecider, [opened(), posted()]).when(refund(1)).thenRejects('refund-exceeds-credit');
  });

  it('refuses a refund in another currency than the account', () => {
    given(ledgerDecider, [opened(), overPaid]).when(refund(100, { currency: 'EUR' })).thenRejects('currency-mismatch');
  });

  it('refuses a refund that is not a whole, positive number of minor units', () => {
    given(ledgerDecider, [opened(), overPaid]).when(refund(0)).thenRejects('payment-amount-positive');
    given(ledgerDecider, [opened(), overPaid]).when(refund(10.5)).thenRejects('payment-amount-positive');
  });

  it('refuses a refund on an unknown ledger', () => {
    given(ledgerDecider, []).when(refund(100)).thenRejects('ledger-unknown');
  });
});
