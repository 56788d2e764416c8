import type { RecordedEvent } from '@lib/es-core';
import type { EventStore } from '@lib/event-store';
import { PaymentFacts, paymentFactsOf } from '../../domain/remittance/remittance-statement';
import type { ClientInvoiced, RemittanceIssued } from '../../domain/trust-ledger/remittance';
import { remittancesStreamId } from '../../domain/trust-ledger/remittance';
import { clientTrustIndexOf, ClientTrustIndexStore } from '../get-trust-reconciliation/client-trust-index';
import type { RemittanceSummaryView } from './remittance.view';

/**
 * The client's payments and reversals as its ledgers recorded them up to `asOf`: what
 * statements are built from. Read from the client's stream of the per-client index, caught up first.
 */
export async function readClientPaymentFacts(store: ClientTrustIndexStore, clientId: string, asOf: Date): Promise<Map<string, PaymentFacts>> {
  return paymentFactsOf(await clientTrustIndexOf(store).inputsOf(clientId, asOf));
}

export interface IssuedRemittance {
  issued: RemittanceIssued['data'];
  invoice?: ClientInvoiced['data'];
}

/** The client's issued statements in issue order, each with the invoice it raised. */
export async function readIssuedRemittances(store: Pick<EventStore, 'readStream'>, clientId: string): Promise<IssuedRemittance[]> {
  const events: RecordedEvent[] = await store.readStream(remittancesStreamId(clientId));
  const issued: IssuedRemittance[] = [];
  for (const event of events) {
    if (event.type === 'RemittanceIssued') issued.push({ issued: (event as RecordedEvent<RemittanceIssued>).data });
    if (event.type === 'ClientInvoiced') {
      const invoice = (event as RecordedEvent<ClientInvoiced>).data;
      const statement = issued.find((r) => r.issued.remittanceId === invoice.remittanceId);
      if (statement) statement.invoice = invoice;
    }
  }
  return issued;
}

export function remittanceSummary({ issued, invoice }: IssuedRemittance): RemittanceSummaryView {
  const totals = issued.totals ?? { agencyCollected: 0, agencyCommission: 0, agencyClientShare: 0, directCollected: 0, directCommission: 0, clawedBack: 0, commissionDeducted: 0, netted: 0, paidToClient: 0, invoiced: 0 };
  return {
    remittanceId: issued.remittanceId,
    statementNumber: issued.statementNumber ?? 0,
    clientId: issued.clientId,
    currency: issued.currency,
    remittanceType: issued.remittanceType ?? 'net',
    agreementVersion: issued.agreementVersion ?? null,
    periodStart: issued.periodStart ?? '',
    periodEnd: issued.periodEnd ?? issued.issuedAt,
    issuedAt: issued.issuedAt,
    totals,
    invoice: invoice ? { invoiceId: invoice.invoiceId, amount: invoice.amount, commissionInvoiced: invoice.commissionInvoiced, shortfall: invoice.shortfall } : null,
    csvSha256: issued.csvSha256 ?? '',
    pdfSha256: issued.pdfSha256 ?? '',
    paymentCount: issued.paymentIds.length,
    directPaymentCount: issued.directPaymentIds?.length ?? 0,
    clawbackCount: issued.clawbacks?.length ?? 0,
  };
}
