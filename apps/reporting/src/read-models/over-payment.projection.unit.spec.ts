import { AccountPlaced, PaymentPosted, PaymentReversed } from '@lib/contracts';
import type { ProjectedEvent } from '@lib/read-models';
import { accountSummaryProjection } from './account-summary.projection';
import { PortfolioBucket, portfolioOf, portfolioProjection } from './portfolio.projection';
import { accountPlaced, foldProjection, paymentPosted, paymentReversed, projected } from './reporting.fixtures';

const ACCOUNT = 'acc-over';
const CLIENT = 'client-over';
const placed = projected(AccountPlaced, accountPlaced(ACCOUNT, CLIENT, 100_000), `account-${ACCOUNT}`, 0);
/** 120,000 paid on 100,000 owed: 100,000 allocated to the invoice, 20,000 a credit owed back to the payer. */
const overPaid = projected(PaymentPosted, { ...paymentPosted(ACCOUNT, CLIENT, 'p-over', 120_000, 0), allocations: [{ invoiceNumber: 'INV-1', amount: 100_000 }], credit: 20_000 }, `ledger-${ACCOUNT}`, 1);
const overPaymentReversed = projected(PaymentReversed, { ...paymentReversed(ACCOUNT, CLIENT, 'p-over', 120_000, 100_000), allocations: [{ invoiceNumber: 'INV-1', amount: 100_000 }], credit: 20_000 }, `ledger-${ACCOUNT}`, 2);

function portfolioAfter(events: readonly ProjectedEvent[]) {
  const ids = new Set(events.flatMap((event) => portfolioProjection.documentIds(event)));
  const buckets = [...ids].map((id) => foldProjection(portfolioProjection, events, id)).filter((bucket): bucket is PortfolioBucket => bucket !== null);
  return portfolioOf(CLIENT, buckets);
}

describe('an over-payment in the reports', () => {
  it('leaves the recovery rate at 100%: only what was allocated to the debt counts as collected, not the credit', () => {
    expect(portfolioAfter([placed, overPaid])).toMatchObject({ placedAmount: 100_000, collected: 100_000, recoveryRateBp: 10_000, byCurrency: { USD: { collected: 100_000, recoveryRateBp: 10_000 } } });
  });

  it('shows the account summary collecting the allocated amount, not the credit owed back', () => {
    expect(foldProjection(accountSummaryProjection, [placed, overPaid], ACCOUNT)).toMatchObject({ collected: 100_000, balance: 0 });
  });

  it('takes back exactly what the over-payment counted when it is reversed', () => {
    expect(portfolioAfter([placed, overPaid, overPaymentReversed])).toMatchObject({ collected: 0, recoveryRateBp: 0 });
    expect(foldProjection(accountSummaryProjection, [placed, overPaid, overPaymentReversed], ACCOUNT)).toMatchObject({ collected: 0, balance: 100_000 });
  });

  it('takes the whole amount back for a reversal upcast from v1, which carries no credit and no allocations', () => {
    const paid = projected(PaymentPosted, paymentPosted(ACCOUNT, CLIENT, 'p-1', 40_000, 60_000), `ledger-${ACCOUNT}`, 1);
    const v1Reversal = projected(PaymentReversed, { ...paymentReversed(ACCOUNT, CLIENT, 'p-1', 40_000, 100_000), allocations: null, credit: null }, `ledger-${ACCOUNT}`, 2);
    expect(portfolioAfter([placed, paid, v1Reversal])).toMatchObject({ collected: 0 });
  });
});
