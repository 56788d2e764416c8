import type { RemittanceStatement } from './remittance-statement';

const line = (cells: ReadonlyArray<string | number | null>) => cells.map((cell) => (cell === null ? '' : String(cell))).join(',');

/**
 * The statement as CSV (CRLF lines, amounts in minor units): a head line, one line per
 * agency payment, direct payment, claw-back and commission corrected after an earlier
 * statement, and the totals. Nothing in it comes from
 * the moment it is rendered, so rendering the same statement again gives the same bytes.
 * Ids, ISO instants and methods carry no commas or quotes, so no cell needs quoting.
 */
export function statementCsv(statement: RemittanceStatement): string {
  const s = statement;
  const rows = [
    line(['remittance_id', 'statement_number', 'client_id', 'currency', 'remittance_type', 'agreement_version', 'period_start', 'period_end', 'issued_at']),
    line([s.remittanceId, s.statementNumber, s.clientId, s.currency, s.remittanceType, s.agreementVersion, s.periodStart, s.periodEnd, s.issuedAt]),
    line(['line', 'payment_id', 'account_id', 'method', 'posted_at', 'clears_at', 'reversed_at', 'traced_to_remittance', 'collected', 'commission', 'client_share']),
    ...s.payments.map((p) => line(['agency', p.paymentId, p.accountId, p.method, p.postedAt, p.clearsAt, null, null, p.collected, p.commission, p.clientShare])),
    ...s.directPayments.map((p) => line(['direct', p.paymentId, p.accountId, null, p.postedAt, null, null, null, p.collected, p.commission, null])),
    ...s.clawbacks.map((c) => line(['clawback', c.paymentId, c.accountId, c.reason, null, null, c.reversedAt, c.remittanceId, -c.collected, -c.commission, -c.clientShare])),
    // Only statements that list corrections have these lines, so every other statement renders as before.
    ...s.commissionCorrections.map((c) => line(['commission-correction', c.paymentId, c.accountId, c.direct ? 'direct' : 'agency', null, null, c.reversedAt ?? null, c.remittanceId, null, c.difference, c.direct ? null : -c.difference])),
    line(['total', 'value']),
    ...Object.entries(s.totals).map(([name, value]) => line([name, value])),
  ];
  return rows.map((row) => `${row}\r\n`).join('');
}
