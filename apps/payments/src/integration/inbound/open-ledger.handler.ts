import { handleCommand } from '@lib/es-core';
import { AccountPlaced } from '@lib/contracts';
import { on } from '@lib/integration';
import { ledgerDecider } from '../../domain/ledger/ledger.decider';
import { ledgerStreamId, PaymentsDependencies } from '../../payments.dependencies';

/** A placement's invoices open the account's ledger at the rate fixed at placement. */
export const openLedger = (deps: PaymentsDependencies) =>
  on(AccountPlaced, async (data, context) => {
    await handleCommand(
      deps.eventStore,
      ledgerDecider,
      ledgerStreamId(data.accountId),
      {
        type: 'OpenLedger',
        accountId: data.accountId,
        clientId: data.clientId,
        currency: data.currency,
        invoices: data.invoices.map((invoice) => ({ number: invoice.number, dueDate: invoice.dueDate, amount: invoice.originalAmount })),
        commissionRateBp: data.commissionRateBp,
      },
      context,
    );
  });
