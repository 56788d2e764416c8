import type { TrustReconciliationView } from './trust-reconciliation.view';

const HEADER = 'currency,account,client_id,value';

/** One line per account balance and check, per currency: what an accountant opens in a spreadsheet. */
export function trustReconciliationCsv(view: TrustReconciliationView): string {
  const rows = view.currencies.flatMap((c) => [
    [c.currency, 'trust-cash', '', c.trustCash],
    ...c.clientPayables.map((p) => [c.currency, 'client-payable', p.clientId, p.amount]),
    [c.currency, 'client-payables-total', '', c.payablesTotal],
    [c.currency, 'fee-income', '', c.feeIncome],
    [c.currency, 'credits-owed', '', c.creditsOwed],
    ...c.clientReceivables.map((r) => [c.currency, 'client-receivable', r.clientId, r.amount]),
    [c.currency, 'client-receivables-total', '', c.receivablesTotal],
    ...c.costAdvancesHeld.map((a) => [c.currency, 'client-cost-advances', a.clientId, a.amount]),
    [c.currency, 'client-cost-advances-total', '', c.costAdvancesHeldTotal],
    [c.currency, 'collected-not-remitted', '', c.collectedNotRemitted],
    [c.currency, 'invariant-holds', '', c.invariantHolds],
  ]);
  return [HEADER, ...rows.map((row) => row.join(','))].map((line) => `${line}\r\n`).join('');
}
