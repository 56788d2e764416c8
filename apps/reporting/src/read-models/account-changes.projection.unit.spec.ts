import { AccountPlaced, InvoiceAdded, InvoiceAddedV1, OpenBalanceChanged, OpenBalanceChangedV1, PaymentPosted } from '@lib/contracts';
import { accountSummaryProjection } from './account-summary.projection';
import { PortfolioBucket, portfolioOf, portfolioProjection } from './portfolio.projection';
import { accountPlaced, foldProjection, paymentPosted, projected } from './reporting.fixtures';

const ACCOUNT = 'acc-1';
const CLIENT = 'client-1';
const placed = projected(AccountPlaced, accountPlaced(ACCOUNT, CLIENT, 300_000), `account-${ACCOUNT}`, 0);
const invoiceAdded = (amount: number, version: number, currency = 'USD') => {
  const data: InvoiceAddedV1 = { accountId: ACCOUNT, clientId: CLIENT, invoice: { number: `INV-${version}`, issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: amount, currency }, addedBy: 'client', addedAt: '2026-03-01T00:00:00.000Z' };
  return projected(InvoiceAdded, data, `account-${ACCOUNT}`, version);
};
const balanceChanged = (cause: OpenBalanceChangedV1['cause'], amount: number, balanceAfter: number, version: number) => {
  const data: OpenBalanceChangedV1 = { accountId: ACCOUNT, clientId: CLIENT, cause, causeId: `c-${version}`, amount, currency: 'USD', reason: cause === 'balance-adjusted' ? 'credit note' : null, balanceAfter, changedAt: '2026-03-01T00:00:00.000Z' };
  return projected(OpenBalanceChanged, data, `ledger-${ACCOUNT}`, version);
};
const paid = (amount: number, balanceAfter: number, version: number) => projected(PaymentPosted, paymentPosted(ACCOUNT, CLIENT, `p-${version}`, amount, balanceAfter), `ledger-${ACCOUNT}`, version);
const summaryOf = (...events: ReturnType<typeof projected>[]) => foldProjection(accountSummaryProjection, events, ACCOUNT);

describe('the account summary follows the changes to a placed account', () => {
  it('counts an added invoice as placed, and owed until the ledger says otherwise', () =>
    expect(summaryOf(placed, invoiceAdded(50_000, 3))).toMatchObject({ placedAmount: 350_000, balance: 350_000 }));

  it("takes the ledger's balance after an adjustment, whatever order it arrives in beside the placement", () => {
    const adjusted = balanceChanged('balance-adjusted', -20_000, 280_000, 1);
    expect(summaryOf(placed, adjusted)).toMatchObject({ placedAmount: 300_000, balance: 280_000 });
    expect(summaryOf(adjusted, placed)).toMatchObject({ placedAmount: 300_000, balance: 280_000 });
  });

  it("keeps the ledger's latest balance across payments and changes on the ledger", () =>
    expect(summaryOf(placed, paid(100_000, 200_000, 1), balanceChanged('invoice-added', 50_000, 250_000, 2), invoiceAdded(50_000, 3))).toMatchObject({
      placedAmount: 350_000,
      collected: 100_000,
      balance: 250_000,
    }));
});

describe('the portfolio follows added invoices', () => {
  const portfolioAfter = (...events: ReturnType<typeof projected>[]) => {
    const ids = new Set(events.flatMap((event) => portfolioProjection.documentIds(event)));
    return portfolioOf(CLIENT, [...ids].map((id) => foldProjection(portfolioProjection, events, id)).filter((bucket): bucket is PortfolioBucket => bucket !== null));
  };

  it('counts an added invoice as placed, in its currency, and the recovery rate with it', () =>
    expect(portfolioAfter(placed, invoiceAdded(100_000, 3), paid(200_000, 200_000, 1))).toMatchObject({ placedCount: 1, placedAmount: 400_000, collected: 200_000, recoveryRateBp: 5_000 }));

  it('leaves the placed amounts alone on a balance adjustment: it is no placement', () =>
    expect(portfolioAfter(placed, balanceChanged('balance-adjusted', -20_000, 280_000, 1))).toMatchObject({ placedAmount: 300_000 }));
});
