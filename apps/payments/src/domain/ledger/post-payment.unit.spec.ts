import { given } from '@lib/es-core/testing/given-when-then';
import { ledgerDecider } from './ledger.decider';
import { opened, payment, posted } from './ledger.fixtures';

describe('posting a payment', () => {
  it('rounds the commission half-up to the cent: 25% of 1,002 cents is 251', () => {
    const { decision } = given(ledgerDecider, [opened()]).when(payment({ amount: 1_002 }));
    expect(decision).toMatchObject([{ data: { commission: 251, commissionRateBp: 2_500 } }]);
  });

  it('rounds a commission below half a cent down: 25% of 1,001 cents is 250', () => {
    const { decision } = given(ledgerDecider, [opened()]).when(payment({ amount: 1_001 }));
    expect(decision).toMatchObject([{ data: { commission: 250 } }]);
  });

  it('refuses a payment on an account with no ledger (rule ledger-unknown)', () => {
    given(ledgerDecider).when(payment()).thenRejects('ledger-unknown');
  });

  it('refuses a payment in another currency than the account (rule currency-mismatch)', () => {
    given(ledgerDecider, [opened()]).when(payment({ currency: 'EUR' })).thenRejects('currency-mismatch');
  });

  it('refuses a payment on a balance already paid in full (rule account-paid)', () => {
    const paidOff = posted({ amount: 60_000, allocations: [{ invoiceNumber: 'INV-1', amount: 10_000 }, { invoiceNumber: 'INV-2', amount: 20_000 }, { invoiceNumber: 'INV-3', amount: 30_000 }], balanceAfter: 0 });
    given(ledgerDecider, [opened(), paidOff]).when(payment({ paymentId: 'pay-2' })).thenRejects('account-paid');
  });

  it('refuses an amount that is not a whole positive number of minor units (rule payment-amount-positive)', () => {
    given(ledgerDecider, [opened()]).when(payment({ amount: 0 })).thenRejects('payment-amount-positive');
    given(ledgerDecider, [opened()]).when(payment({ amount: 10.5 })).thenRejects('payment-amount-positive');
  });

  it('refuses to post the same payment id twice (rule payment-id-unique)', () => {
    given(ledgerDecider, [opened(), posted()]).when(payment()).thenRejects('payment-id-unique');
  });
});
