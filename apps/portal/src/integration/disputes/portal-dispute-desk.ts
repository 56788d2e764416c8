import type { DisputeDesk, PortalAccounts } from '../../portal.dependencies';

/**
 * A dispute opened in the portal goes to debtor contact's dispute command (the account is
 * put on a dispute hold, the client is asked for documents, legal referral hears it). The
 * reason debtor contact records is the debtor's reason and words; the document stays with
 * the portal (its document store), described on the account's portal trail (id, name,
 * type, size, SHA-256) and downloadable by staff from the portal.
 */
export class DebtorContactDisputeDesk implements DisputeDesk {
  constructor(private readonly accounts: () => PortalAccounts) {}

  open(dispute: Parameters<DisputeDesk['open']>[0]) {
    const details = dispute.details.trim();
    const reason = `${dispute.reason} (the debtor, in the portal${details ? `: ${details}` : ''}; document ${dispute.document.name}, portal document ${dispute.document.documentId}, sha256 ${dispute.document.sha256})`.slice(0, 2000);
    return this.accounts().openDispute({ accountId: dispute.accountId, disputeId: dispute.disputeId, reason });
  }
}
