import type { DomainEvent } from '@lib/es-core';

/** How the debtor proved it holds the letter: an invoice number or the postcode on file. */
export type IdentityMethod = 'invoice' | 'postcode';
export type PortalPaymentMethod = 'card' | 'ach';

/**
 * The account's portal trail, stream `portal-<accountId>`: every link issued, every
 * opening, check, view, checkout, payment, plan proposal and dispute made through the
 * portal. Published on the audit topic like every account stream.
 */
export type PortalAccessEvent =
  | DomainEvent<'PortalLinkIssued', { accountId: string; linkId: string; expiresAt: string; issuedBy: string; issuedAt: string }>
  | DomainEvent<'PortalLinkOpened', { accountId: string; linkId: string; openedAt: string }>
  | DomainEvent<'PortalLinkRefused', { accountId: string; linkId: string; reason: 'expired' | 'locked' | 'revoked'; refusedAt: string }>
  | DomainEvent<'PortalIdentityCheckFailed', { accountId: string; linkId: string; method: IdentityMethod; failures: number; failedAt: string }>
  | DomainEvent<'PortalLinkLocked', { accountId: string; linkId: string; lockedUntil: string }>
  | DomainEvent<'PortalIdentityCheckPassed', { accountId: string; linkId: string; method: IdentityMethod; passedAt: string }>
  | DomainEvent<'PortalAccountViewed', { accountId: string; linkId: string; viewedAt: string }>
  | DomainEvent<'PortalCheckoutStarted', { accountId: string; linkId: string; checkoutId: string; provider: string; amount: number; currency: string; method: PortalPaymentMethod; startedAt: string }>
  | DomainEvent<
      'PortalPaymentConfirmed',
      { accountId: string; checkoutId: string; provider: string; providerReference: string; amount: number; currency: string; method: PortalPaymentMethod; paymentId: string; confirmedAt: string }
    >
  | DomainEvent<
      'PortalPlanProposed',
      {
        accountId: string;
        linkId: string;
        proposalId: string;
        outcome: 'accepted' | 'queued';
        reasons: string[];
        planId: string | null;
        currency: string;
        frequency: string;
        firstDueDate: string;
        installments: number[];
        total: number;
        proposedAt: string;
      }
    >
  /** A collector (or supervisor) decided a queued proposal: accepted as debtor contact's plan `planId`, or declined. */
  | DomainEvent<
      'PortalPlanProposalDecided',
      { accountId: string; proposalId: string; decision: 'accepted' | 'declined'; planId: string | null; reason: string; decidedBy: string; decidedAt: string }
    >
  | DomainEvent<
      'PortalDisputeOpened',
      {
        accountId: string;
        linkId: string;
        disputeId: string;
        reason: string;
        details: string;
        /** `documentId` names the bytes in the portal's document store; absent on disputes opened before documents were kept. */
        document: { documentId?: string; name: string; mediaType: string; size: number; sha256: string };
        openedAt: string;
      }
    >;

export const portalStreamId = (accountId: string) => `portal-${accountId}`;
export const accountIdOfPortalStream = (streamId: string) => (streamId.startsWith('portal-') ? streamId.slice('portal-'.length) : undefined);
