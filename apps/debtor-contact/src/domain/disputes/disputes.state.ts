import type { DisputedInvoice, DisputeEvent, DisputeOpener, DisputeOutcome } from './dispute.events';

export interface Dispute {
  disputeId: string;
  holdId: string;
  openedBy: DisputeOpener;
  /** Empty: the whole account. */
  invoices: DisputedInvoice[];
  amount: number;
  currency: string;
  reason: string;
  openedAt: string;
  /** Made in writing (absent: not). */
  written?: boolean;
  resolution: { outcome: DisputeOutcome; amount: number; evidence: string; resolvedAt: string } | null;
}

export const openDisputes = (contactCase: { disputes?: Dispute[] }): Dispute[] => (contactCase.disputes ?? []).filter((dispute) => dispute.resolution === null);

export function evolveDisputes<C extends { disputes?: Dispute[] }>(contactCase: C, event: DisputeEvent): C {
  const disputes = contactCase.disputes ?? [];
  switch (event.type) {
    case 'DisputeOpened': {
      const { accountId: _a, clientId: _c, ...dispute } = event.data;
      return { ...contactCase, disputes: [...disputes, { ...dispute, resolution: null }] };
    }
    case 'DisputeResolved': {
      const { disputeId, outcome, amount, evidence, resolvedAt } = event.data;
      return { ...contactCase, disputes: disputes.map((dispute) => (dispute.disputeId === disputeId ? { ...dispute, resolution: { outcome, amount, evidence, resolvedAt } } : dispute)) };
    }
  }
}
