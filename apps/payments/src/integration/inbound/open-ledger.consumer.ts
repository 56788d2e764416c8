import { AccountPlaced } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { OpenLedger } from '../../application/open-ledger/open-ledger.command';

/** A placement's invoices open the account's ledger at the rate fixed at placement. */
export const openLedger = commandOn(AccountPlaced, (data, context) =>
  new OpenLedger(
    {
      accountId: data.accountId,
      clientId: data.clientId,
      currency: data.currency,
      invoices: data.invoices.map((invoice) => ({ number: invoice.number, dueDate: invoice.dueDate, amount: invoice.originalAmount })),
      commissionRateBp: data.commissionRateBp,
    },
    context,
  ),
);
