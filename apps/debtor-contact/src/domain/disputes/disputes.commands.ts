import type { DisputedInvoice, DisputeOpener, DisputeOutcome } from './dispute.events';

/** The debtor (through a collector) or the client contests the whole account (no invoices) or the listed invoices. */
export interface OpenDispute {
  type: 'OpenDispute';
  disputeId: string;
  holdId: string;
  openedBy: DisputeOpener;
  /** The client that opens it, when a client does: only its own accounts. */
  clientId?: string;
  invoices: DisputedInvoice[];
  reason: string;
  /** The debtor's dispute came in writing: within the validation period it stops collection on a consumer debt (reg-f-validation-period). */
  written?: boolean;
  now: Date;
}

/** Upheld (the amount, by default all that was disputed, comes off the balance) or rejected, with the evidence. */
export interface ResolveDispute {
  type: 'ResolveDispute';
  disputeId: string;
  outcome: DisputeOutcome;
  /** Upheld only: minor units, at most the disputed amount. */
  amount?: number;
  evidence: string;
  now: Date;
}

export type DisputeCommand = OpenDispute | ResolveDispute;
