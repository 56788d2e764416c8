import { csvOf } from '../report-formats/csv';
import type { RemittanceHistoryView } from './remittance-history.view';

const HEADER = [
  'client_id', 'statement_number', 'remittance_id', 'currency', 'remittance_type', 'period_start', 'period_end', 'issued_at',
  'payments', 'direct_payments', 'clawbacks', 'agency_collected', 'agency_commission', 'direct_collected', 'direct_commission',
  'clawed_back', 'paid_to_client', 'invoiced', 'csv_sha256', 'pdf_sha256',
];

/** One row per statement, oldest first; amounts in minor units. */
export function remittanceHistoryCsv(view: RemittanceHistoryView): string {
  return csvOf(
    HEADER,
    view.remittances.map((r) => [
      r.clientId, r.statementNumber, r.remittanceId, r.currency, r.remittanceType, r.periodStart, r.periodEnd, r.issuedAt,
      r.paymentCount, r.directPaymentCount, r.clawbackCount, r.agencyCollected, r.agencyCommission, r.directCollected, r.directCommission,
      r.clawedBack, r.paidToClient, r.invoiced, r.csvSha256, r.pdfSha256,
    ]),
  );
}
