import { given } from '@lib/es-core/testing/given-when-then';
import { ledgerDecider } from './ledger.decider';
import { opened, payment, posted } from './ledger.fixtures';

describe('allocating a payment', () => {
  it('pays the oldest open invoice first, then the next oldest', () => {
    given(ledgerDecider, [opened()])
      .when(payment({ amount: 15_000 }))
      .then([
        posted({
          amount: 15_000,
          allocations: [
            { invoiceNumber: 'INV-1', amount: 10_000 },
            { invoiceNumber: 'INV-2', amount: 5_000 },
          ],
          commission: 3_750,
          balanceAfter: 45_000,
        }),
      ]);
  });

  it('orders invoices due on the same day by invoice number', () => {
    const sameDay = opened({
      invoices: [
        { number: 'B', dueDate: '2026-01-31', amount: 1_000 },
        { number: 'A', dueDate: '2026-01-31', amount: 1_000 },
      ],
    });
    const { decision } = given(ledgerDecider, [sameDay]).when(payment({ amount: 1_500 }));
    expect(decision).toMatchObject([{ data: { allocations: [{ invoiceNumber: 'A', amount: 1_000 }, { invoiceNumber: 'B', amount: 500 }] } }]);
  });

  it('skips invoices an earlier payment already settled', () => {
    const { decision } = given(ledgerDecider, [opened(), posted({ amount: 10_000, allocations: [{ invoiceNumber: 'INV-1', amount: 10_000 }] })]).when(
      payment({ paymentId: 'pay-2', amount: 1_000 }),
    );
    expect(decision).toMatchObject([{ data: { allocations: [{ invoiceNumber: 'INV-2', amount: 1_000 }] } }]);
  });

  it('pays the invoices the debtor designates first, in the given order, then the oldest for the rest', () => {
    const { decision } = given(ledgerDecider, [opened()]).when(payment({ amount: 45_000, designatedInvoices: ['INV-3', 'INV-2'] }));
    expect(decision).toMatchObject([
      {
        data: {
          allocations: [
            { invoiceNumber: 'INV-3', amount: 30_000 },
            { invoiceNumber: 'INV-2', amount: 15_000 },
          ],
          balanceAfter: 15_000,
        },
      },
    ]);
  });

  it('moves on to the oldest invoices when the designated ones are covered', () => {
    const { decision } = given(ledgerDecider, [opened()]).when(payment({ amount: 35_000, designatedInvoices: ['INV-3'] }));
    expect(decision).toMatchObject([
      {
        data: {
          allocations: [
            { invoiceNumber: 'INV-3', amount: 30_000 },
            { invoiceNumber: 'INV-1', amount: 5_000 },
          ],
        },
      },
    ]);
  });

  it('turns an over-payment into a credit owed back, earning no commission on it', () => {
    const { decision } = given(ledgerDecider, [opened()]).when(payment({ amount: 61_000 }));
    expect(decision).toMatchObject([
      {
        type: 'PaymentPosted.v2',
        data: {
          allocations: [
            { invoiceNumber: 'INV-1', amount: 10_000 },
            { invoiceNumber: 'INV-2', amount: 20_000 },
            { invoiceNumber: 'INV-3', amount: 30_000 },
          ],
          credit: 1_000,
          commission: 15_000,
          balanceAfter: 0,
        },
      },
      { type: 'AccountPaidInFull' },
    ]);
  });

  it('refuses a designated invoice the account does not have (rule unknown-invoice)', () => {
    given(ledgerDecider, [opened()])
      .when(payment({ designatedInvoices: ['INV-1', 'INV-9'] }))
      .thenRejects('unknown-invoice');
  });
});
