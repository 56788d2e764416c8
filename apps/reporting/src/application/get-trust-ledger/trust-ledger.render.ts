import { csvOf } from '../report-formats/csv';
import type { TrustLedgerView } from './trust-ledger.view';

const HEADER = [
  'client_id', 'currency', 'entry', 'at', 'kind', 'account_id', 'payment_id', 'refund_id', 'remittance_id', 'advance_id', 'ledger_account', 'debit', 'credit',
  'trust_cash_after', 'client_payable_after', 'fee_income_after', 'credits_owed_after', 'client_receivable_after', 'cost_advances_held_after',
];

/** One row per posting, entries numbered per currency from 1 in date order; amounts in minor units. */
export function trustLedgerCsv(view: TrustLedgerView): string {
  return csvOf(
    HEADER,
    view.currencies.flatMap((c) =>
      c.entries.flatMap((e, index) =>
        e.lines.map((l) => [
          view.clientId, c.currency, index + 1, e.at, e.kind, e.source.accountId ?? null, e.source.paymentId ?? null, e.source.refundId ?? null, e.source.remittanceId ?? null, e.source.advanceId ?? null, l.account, l.debit, l.credit,
          e.balances.trustCash, e.balances.clientPayable, e.balances.feeIncome, e.balances.creditsOwed, e.balances.clientReceivable, e.balances.costAdvancesHeld,
        ]),
      ),
    ),
  );
}
