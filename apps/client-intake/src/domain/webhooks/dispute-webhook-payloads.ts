import type { DisputeOpenedV1, DisputeResolvedV1 } from '@lib/contracts';

/** What the client is told to do about a dispute the debtor opened (docs/client-intake.md, "Webhooks"). */
export const DOCUMENTS_REQUEST =
  'The debtor disputes this debt. Send the agency the documents that show the disputed part is owed (the invoices, delivery notes or proof of service, the contract); collection on it is paused until the dispute is resolved.';

/** A dispute the client opened itself: it is not asked to prove the debt it contests. */
export const NO_DOCUMENTS_REQUEST = 'You opened this dispute: no documents are asked of you. Collection on the disputed part is paused until the dispute is resolved.';

/**
 * `dispute.opened`: the disputed scope (the whole account, or the listed invoices with the
 * amount each), the reason, who opened it, and the request for documents. A dispute the
 * client opened is sent too (its own systems may track it), without the request.
 * `clientReference` is intake's own record of the account, added when the delivery is scheduled.
 */
export function disputeOpenedWebhookData(d: DisputeOpenedV1): Record<string, unknown> {
  const documentsRequested = d.openedBy === 'debtor';
  return {
    accountId: d.accountId,
    clientId: d.clientId,
    disputeId: d.disputeId,
    scope: d.invoices.length === 0 ? 'account' : 'invoices',
    invoices: d.invoices.map(({ invoiceNumber, amount }) => ({ invoiceNumber, amount })),
    amount: d.amount,
    currency: d.currency,
    reason: d.reason,
    openedBy: d.openedBy,
    openedAt: d.openedAt,
    documentsRequested,
    documentsRequest: documentsRequested ? DOCUMENTS_REQUEST : NO_DOCUMENTS_REQUEST,
  };
}

/** `dispute.resolved`: the outcome, and what comes off the balance (upheld; 0 when rejected), with the evidence recorded. */
export function disputeResolvedWebhookData(d: DisputeResolvedV1): Record<string, unknown> {
  return {
    accountId: d.accountId,
    clientId: d.clientId,
    disputeId: d.disputeId,
    outcome: d.outcome,
    adjustedAmount: d.outcome === 'upheld' ? d.amount : 0,
    currency: d.currency,
    evidence: d.evidence,
    resolvedAt: d.resolvedAt,
  };
}
