import type { DisputeDesk } from '../../portal.dependencies';

/**
 * Until debtor contact's dispute command is on this branch, a dispute opened in the portal
 * is recorded on the account's portal trail only (PortalDisputeOpened, with the document's
 * name, type, size and SHA-256). Swapping this adapter for one that calls the dispute
 * command (which puts the account on hold) changes nothing in the portal.
 */
export class PortalTrailDisputeDesk implements DisputeDesk {
  async open(dispute: Parameters<DisputeDesk['open']>[0]) {
    return { disputeId: dispute.disputeId };
  }
}
