import type { RecordedEvent } from '@lib/es-core';
import { RemittanceIssuedV1 } from '@lib/contracts';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import type { RemittanceIssued } from '../../domain/trust-ledger/remittance';

const isIssuedRemittance = (stored: RecordedEvent): stored is RecordedEvent<RemittanceIssued> => stored.streamId.startsWith('remittances-') && stored.type === 'RemittanceIssued';

/**
 * An issued statement -> `RemittanceIssued.v1` on `payments.remittances`, keyed by client:
 * its figures and hashes, not its lines (a statement may list 100,000 payments; the
 * renderings are fetched from payments). Statements written before the run existed carry
 * no period or totals and are not announced.
 */
export function remittanceMessages(stored: RecordedEvent): OutgoingMessage[] {
  if (!isIssuedRemittance(stored)) return [];
  const d = stored.data;
  if (!d.totals || !d.periodStart || !d.periodEnd || !d.csvSha256 || !d.pdfSha256) return [];
  const t = d.totals;
  return [
    integrationMessage(
      RemittanceIssuedV1,
      d.clientId,
      {
        remittanceId: d.remittanceId,
        clientId: d.clientId,
        statementNumber: d.statementNumber ?? 0,
        currency: d.currency,
        remittanceType: d.remittanceType ?? 'net',
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        issuedAt: d.issuedAt,
        paymentCount: d.paymentIds.length,
        directPaymentCount: d.directPaymentIds?.length ?? 0,
        clawbackCount: d.clawbacks?.length ?? 0,
        agencyCollected: t.agencyCollected,
        agencyCommission: t.agencyCommission,
        directCollected: t.directCollected,
        directCommission: t.directCommission,
        clawedBack: t.clawedBack,
        paidToClient: t.paidToClient,
        invoiced: t.invoiced,
        csvSha256: d.csvSha256,
        pdfSha256: d.pdfSha256,
      },
      stored,
    ),
  ];
}
