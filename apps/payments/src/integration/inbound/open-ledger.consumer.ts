import { AccountPlaced } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { OpenLedger } from '../../application/open-ledger/open-ledger.command';

/**
 * A placement's invoices open the account's ledger, with the rate fixed at placement (the
 * fallback when no rate plan covers a payment) and what a plan's tiers look at: when it
 * was placed, for how much and in which category (a v1 placement, upcast, is `standard`).
 */
export const openLedger = commandOn(AccountPlaced, (data, context) =>
  new OpenLedger(
    {
      accountId: data.accountId,
      clientId: data.clientId,
      currency: data.currency,
      invoices: data.invoices.map((invoice) => ({ number: invoice.number, dueDate: invoice.dueDate, amount: invoice.originalAmount })),
      commissionRateBp: data.commissionRateBp,
      placedAt: data.placedAt,
      placedAmount: data.placedAmount,
      category: data.category,
      ...(data.service === 'pre-collection' && data.preCollection
        ? { preCollection: { windowEndsAt: data.preCollection.windowEndsAt, flatFee: data.preCollection.flatFee, agreementVersion: data.preCollection.agreementVersion } }
        : {}),
    },
    context,
  ),
);
