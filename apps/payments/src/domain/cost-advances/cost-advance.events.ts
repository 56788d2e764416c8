import type { DomainEvent } from '@lib/es-core';

/** What the client advances money for (docs/domain.md, "Money"): court costs, and the suit fee the attorney asks up front. */
export const COST_ADVANCE_KINDS = ['court-costs', 'suit-fee'] as const;
export type CostAdvanceKind = (typeof COST_ADVANCE_KINDS)[number];

type AdvanceRef = {
  advanceId: string;
  accountId: string;
  clientId: string;
  currency: string;
};

/** The agency asked the client to advance costs for the suit; no money has moved. */
export type CostAdvanceRequested = DomainEvent<'CostAdvanceRequested', AdvanceRef & { kind: CostAdvanceKind; amount: number; description: string; requestedAt: string }>;

/** The client's money for costs arrived in trust. `heldAfter`: what of the advance trust now holds. */
export type CostAdvanceReceived = DomainEvent<'CostAdvanceReceived', AdvanceRef & { amount: number; heldAfter: number; receivedAt: string }>;

/** Paid out of trust to the court or the attorney, from the advance held. */
export type CostAdvanceSpent = DomainEvent<'CostAdvanceSpent', AdvanceRef & { amount: number; paidTo: string; heldAfter: number; spentAt: string }>;

/**
 * Costs spent, added to the judgment against the debtor: owed by the debtor from now on, to
 * go back to the client when collected. No money moves, so trust is untouched.
 */
export type CostAdvanceRecovered = DomainEvent<'CostAdvanceRecovered', AdvanceRef & { amount: number; judgmentReference: string; recoveredAt: string }>;

/** What was not spent went back to the client, out of trust. */
export type CostAdvanceRefunded = DomainEvent<'CostAdvanceRefunded', AdvanceRef & { amount: number; heldAfter: number; refundedAt: string }>;

export type CostAdvanceEvent = CostAdvanceRequested | CostAdvanceReceived | CostAdvanceSpent | CostAdvanceRecovered | CostAdvanceRefunded;

/** One stream per account: `cost-advances-<accountId>`, every advance of the account's suit in it. */
export const costAdvancesStreamId = (accountId: string) => `cost-advances-${accountId}`;
