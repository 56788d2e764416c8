import { RemittanceIssuedV1 } from '@lib/contracts';
import type { Projection, ReadModelStore } from '@lib/read-models';

export const REMITTANCE_HISTORY = 'remittance_history';

/** One issued remittance statement as payments published it (amounts in minor units). */
export type RemittanceHistoryEntry = RemittanceIssuedV1;

/** A statement never changes once issued: one document per remittance, written once. */
export const remittanceHistoryProjection: Projection<RemittanceHistoryEntry & { _id?: string }> = {
  name: REMITTANCE_HISTORY,
  handles: [RemittanceIssuedV1.type],
  documentIds: (event) => [String(event.data.remittanceId)],
  evolve(document, event) {
    if (document) return document;
    const d = event.data as RemittanceIssuedV1;
    return {
      remittanceId: d.remittanceId,
      clientId: d.clientId,
      statementNumber: d.statementNumber,
      currency: d.currency,
      remittanceType: d.remittanceType,
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      issuedAt: d.issuedAt,
      paymentCount: d.paymentCount,
      directPaymentCount: d.directPaymentCount,
      clawbackCount: d.clawbackCount,
      agencyCollected: d.agencyCollected,
      agencyCommission: d.agencyCommission,
      directCollected: d.directCollected,
      directCommission: d.directCommission,
      clawedBack: d.clawedBack,
      paidToClient: d.paidToClient,
      invoiced: d.invoiced,
      csvSha256: d.csvSha256,
      pdfSha256: d.pdfSha256,
    };
  },
};

/** A client's statements in issue order (statement number, then currency: one run issues one statement per currency). */
export async function remittanceHistoryOf(store: ReadModelStore, clientId: string): Promise<RemittanceHistoryEntry[]> {
  const documents = await store.find<RemittanceHistoryEntry & { _id?: string }>(REMITTANCE_HISTORY, { clientId }, { sort: { statementNumber: 1, currency: 1 } });
  return documents.map(({ _id, ...entry }) => {
    // Bookkeeping fields of the store start with `_`: only the statement's own fields are answered.
    return Object.fromEntries(Object.entries(entry).filter(([key]) => !key.startsWith('_'))) as RemittanceHistoryEntry;
  });
}
