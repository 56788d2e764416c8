import { Decider, Decision, reject } from '@lib/es-core';
import { IdentityMethod, PortalAccessEvent, PortalPaymentMethod } from './portal-access.events';

/** Failed checks in a row that lock a link, and for how long. */
export const CHECK_ATTEMPTS_BEFORE_LOCK = 5;
export const LOCK_MINUTES = 15;

export interface PortalAccessState {
  /** Per link: failed checks since the last pass, and until when it is locked. */
  links: Record<string, { failures: number; lockedUntil: string | null }>;
  /** Provider references already posted: a repeated webhook finds its payment here. */
  confirmed: Record<string, string>;
  /** The link a collector issued last: every link issued before it is revoked. */
  latestLink: { linkId: string; expiresAt: string } | null;
  /** Proposals queued for a collector, and what became of them. */
  queuedProposals: Record<string, 'queued' | 'accepted' | 'declined'>;
}

export type PortalAccessCommand =
  | { type: 'IssueLink'; accountId: string; linkId: string; expiresAt: Date; issuedBy: string; now: Date }
  | { type: 'OpenLink'; accountId: string; linkId: string; expired: boolean; now: Date }
  /** A link (or a session made from it) is used: refused when a later link was issued. `linkExpiresAt` is the link's own expiry. */
  | { type: 'UseLink'; accountId: string; linkId: string; linkExpiresAt: string; now: Date }
  | { type: 'CheckIdentity'; accountId: string; linkId: string; method: IdentityMethod; matched: boolean; now: Date }
  | { type: 'ViewAccount'; accountId: string; linkId: string; now: Date }
  | { type: 'StartCheckout'; accountId: string; linkId: string; checkoutId: string; provider: string; amount: number; currency: string; method: PortalPaymentMethod; now: Date }
  | {
      type: 'ConfirmPayment';
      accountId: string;
      checkoutId: string;
      provider: string;
      providerReference: string;
      amount: number;
      currency: string;
      method: PortalPaymentMethod;
      paymentId: string;
      now: Date;
    }
  | {
      type: 'ProposePlan';
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
      now: Date;
    }
  | { type: 'DecidePlanProposal'; accountId: string; proposalId: string; decision: 'accepted' | 'declined'; planId: string | null; reason: string; decidedBy: string; now: Date }
  | { type: 'OpenDispute'; accountId: string; linkId: string; disputeId: string; reason: string; details: string; document: { documentId: string; name: string; mediaType: string; size: number; sha256: string }; now: Date };

function lockedUntil(state: PortalAccessState, linkId: string, now: Date): string | null {
  const until = state.links[linkId]?.lockedUntil ?? null;
  return until !== null && until > now.toISOString() ? until : null;
}

/**
 * Every link lives LINK_DAYS from its issue, so a link that expires before the latest
 * issued one was issued before it. Links printed on letters are not on the trail: they
 * are revoked by a later collector-issued link like any other, and never revoke one.
 */
export function isRevoked(state: PortalAccessState, linkId: string, linkExpiresAt: string): boolean {
  const latest = state.latestLink;
  return latest !== null && latest.linkId !== linkId && latest.expiresAt > linkExpiresAt;
}

function decideCheck(command: Extract<PortalAccessCommand, { type: 'CheckIdentity' }>, state: PortalAccessState): Decision<PortalAccessEvent> {
  const { accountId, linkId, method, now } = command;
  const locked = lockedUntil(state, linkId, now);
  if (locked) {
    return reject('portal-link-locked', `too many failed checks: the link is locked until ${locked}`, {
      details: { lockedUntil: locked },
      recordedEvents: [{ type: 'PortalLinkRefused', data: { accountId, linkId, reason: 'locked', refusedAt: now.toISOString() } }],
    });
  }
  if (command.matched) return [{ type: 'PortalIdentityCheckPassed', data: { accountId, linkId, method, passedAt: now.toISOString() } }];
  const failures = (state.links[linkId]?.failures ?? 0) + 1;
  const failed: PortalAccessEvent = { type: 'PortalIdentityCheckFailed', data: { accountId, linkId, method, failures, failedAt: now.toISOString() } };
  const events: PortalAccessEvent[] = [failed];
  if (failures >= CHECK_ATTEMPTS_BEFORE_LOCK) {
    events.push({ type: 'PortalLinkLocked', data: { accountId, linkId, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() } });
  }
  return reject('portal-identity-mismatch', 'the answer does not match the account', { details: { failures }, recordedEvents: events });
}

/**
 * The portal's record of one account. Refusals that must still be on the trail (a failed
 * check, a locked link) are rejections carrying the events to record.
 */
export const portalAccessDecider: Decider<PortalAccessState, PortalAccessCommand, PortalAccessEvent> = {
  initialState: () => ({ links: {}, confirmed: {}, latestLink: null, queuedProposals: {} }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'PortalLinkIssued':
        return { ...state, latestLink: { linkId: event.data.linkId, expiresAt: event.data.expiresAt } };
      case 'PortalIdentityCheckFailed':
        return { ...state, links: { ...state.links, [event.data.linkId]: { failures: event.data.failures, lockedUntil: state.links[event.data.linkId]?.lockedUntil ?? null } } };
      case 'PortalLinkLocked':
        return { ...state, links: { ...state.links, [event.data.linkId]: { failures: 0, lockedUntil: event.data.lockedUntil } } };
      case 'PortalIdentityCheckPassed':
        return { ...state, links: { ...state.links, [event.data.linkId]: { failures: 0, lockedUntil: null } } };
      case 'PortalPlanProposed':
        return event.data.outcome === 'queued' ? { ...state, queuedProposals: { ...state.queuedProposals, [event.data.proposalId]: 'queued' } } : state;
      case 'PortalPlanProposalDecided':
        return { ...state, queuedProposals: { ...state.queuedProposals, [event.data.proposalId]: event.data.decision } };
      case 'PortalPaymentConfirmed':
        return { ...state, confirmed: { ...state.confirmed, [event.data.providerReference]: event.data.paymentId } };
      default:
        return state;
    }
  },
  decide: (command, state) => {
    const at = command.now.toISOString();
    switch (command.type) {
      case 'IssueLink':
        return [{ type: 'PortalLinkIssued', data: { accountId: command.accountId, linkId: command.linkId, expiresAt: command.expiresAt.toISOString(), issuedBy: command.issuedBy, issuedAt: at } }];
      case 'OpenLink': {
        const { accountId, linkId } = command;
        if (command.expired) {
          return reject('portal-link-expired', 'the link has expired', { recordedEvents: [{ type: 'PortalLinkRefused', data: { accountId, linkId, reason: 'expired', refusedAt: at } }] });
        }
        return [{ type: 'PortalLinkOpened', data: { accountId, linkId, openedAt: at } }];
      }
      case 'UseLink': {
        const { accountId, linkId } = command;
        if (!isRevoked(state, linkId, command.linkExpiresAt)) return [];
        return reject('portal-link-revoked', 'a newer link was issued for the account', { recordedEvents: [{ type: 'PortalLinkRefused', data: { accountId, linkId, reason: 'revoked', refusedAt: at } }] });
      }
      case 'CheckIdentity':
        return decideCheck(command, state);
      case 'ViewAccount':
        return [{ type: 'PortalAccountViewed', data: { accountId: command.accountId, linkId: command.linkId, viewedAt: at } }];
      case 'StartCheckout': {
        const { type: _type, now: _now, ...data } = command;
        return [{ type: 'PortalCheckoutStarted', data: { ...data, startedAt: at } }];
      }
      case 'ConfirmPayment': {
        // The same provider payment told twice is the first confirmation, not a second one.
        if (state.confirmed[command.providerReference]) return [];
        const { type: _type, now: _now, ...data } = command;
        return [{ type: 'PortalPaymentConfirmed', data: { ...data, confirmedAt: at } }];
      }
      case 'ProposePlan': {
        const { type: _type, now: _now, ...data } = command;
        return [{ type: 'PortalPlanProposed', data: { ...data, total: data.installments.reduce((sum, amount) => sum + amount, 0), proposedAt: at } }];
      }
      case 'DecidePlanProposal': {
        const status = state.queuedProposals[command.proposalId];
        if (status === undefined) return reject('plan-proposal-unknown', `no plan proposal ${command.proposalId} of account ${command.accountId} is queued for a collector`);
        if (status !== 'queued') return reject('plan-proposal-decided', `plan proposal ${command.proposalId} was already ${status}`, { details: { decision: status } });
        const { type: _type, now: _now, ...data } = command;
        return [{ type: 'PortalPlanProposalDecided', data: { ...data, decidedAt: at } }];
      }
      case 'OpenDispute': {
        const { type: _type, now: _now, ...data } = command;
        return [{ type: 'PortalDisputeOpened', data: { ...data, openedAt: at } }];
      }
    }
  },
};
