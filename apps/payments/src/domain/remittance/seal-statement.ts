import { createHash } from 'node:crypto';
import type { RemittanceIssued, RemittanceType } from '../trust-ledger/remittance';
import { remittanceMoney } from '../trust-ledger/remittance';
import type { SealedStatement } from './remittances.decider';
import { PaymentFacts, RemittanceStatement, StatementSelection, statementOf } from './remittance-statement';
import { statementCsv } from './statement.csv';
import { statementPdf } from './statement.pdf';

export const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

/** The statement rendered both ways, with the hashes its issuing event records. */
export async function renderStatement(statement: RemittanceStatement) {
  const csv = statementCsv(statement);
  const pdf = await statementPdf(statement);
  return { csv, pdf, csvSha256: sha256(csv), pdfSha256: sha256(pdf) };
}

/**
 * A selection made ready to issue: its statement is built exactly as a later read will
 * build it (from the issuing event's data and the payments' events), rendered, and hashed.
 */
export async function sealStatement(
  selection: StatementSelection,
  facts: ReadonlyMap<string, PaymentFacts>,
  issue: { remittanceId: string; invoiceId: string; statementNumber: number; clientId: string; remittanceType: RemittanceType; agreementVersion: number | null; periodStart: string; periodEnd: string; issuedAt: string },
): Promise<SealedStatement> {
  const data: RemittanceIssued['data'] = {
    remittanceId: issue.remittanceId,
    clientId: issue.clientId,
    currency: selection.currency,
    paymentIds: selection.paymentIds,
    issuedAt: issue.issuedAt,
    remittanceType: issue.remittanceType,
    directPaymentIds: selection.directPaymentIds,
    clawbacks: selection.clawbacks,
    ...(selection.commissions.length > 0 ? { commissions: selection.commissions } : {}),
    ...(selection.commissionCorrections.length > 0 ? { commissionCorrections: selection.commissionCorrections } : {}),
    statementNumber: issue.statementNumber,
    periodStart: issue.periodStart,
    periodEnd: issue.periodEnd,
    agreementVersion: issue.agreementVersion,
  };
  const statement = statementOf(data, facts);
  const { csvSha256, pdfSha256 } = await renderStatement(statement);
  const t = statement.totals;
  const { commissionInvoiced, shortfall } = remittanceMoney(issue.remittanceType, t);
  return { ...selection, remittanceId: issue.remittanceId, invoiceId: issue.invoiceId, statementNumber: issue.statementNumber, totals: t, commissionInvoiced, shortfall, csvSha256, pdfSha256 };
}
