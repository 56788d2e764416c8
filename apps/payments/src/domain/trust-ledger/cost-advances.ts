import type { CommissionCorrected } from '../ledger/commission-corrected';
import type { CostAdvanceReceived, CostAdvanceRefunded, CostAdvanceSpent } from '../cost-advances/cost-advance.events';
import type { JournalEntryKind, JournalLine, TrustAccount } from './trust-ledger';

/**
 * The cost-advance events that move money in or out of trust: a request and a recovery
 * (costs added to a judgment) move none, so they are no trust input.
 */
export type CostAdvanceTrustInput = CostAdvanceReceived | CostAdvanceSpent | CostAdvanceRefunded;

export const COST_ADVANCE_TRUST_TYPES = ['CostAdvanceReceived', 'CostAdvanceSpent', 'CostAdvanceRefunded'] as const;

/** A client's money held in trust for the costs of its suits: never a payable of collections, never earning commission. */
export const costAdvancesHeld = (clientId: string): TrustAccount => ({ kind: 'client-cost-advances', clientId });

const cash: TrustAccount = { kind: 'trust-cash' };

/**
 * The lines of a cost-advance movement. Received: Dr trust cash / Cr the client's cost
 * advances held. Spent (to the court or attorney) and refunded (to the client): the
 * reverse. Each line pair balances.
 */
export function costAdvanceLines(input: CostAdvanceTrustInput): { kind: JournalEntryKind; at: string; lines: JournalLine[] } {
  const { clientId, amount } = input.data;
  const held = costAdvancesHeld(clientId);
  switch (input.type) {
    case 'CostAdvanceReceived':
      return { kind: 'cost-advance-received', at: input.data.receivedAt, lines: [{ account: cash, debit: amount, credit: 0 }, { account: held, debit: 0, credit: amount }] };
    case 'CostAdvanceSpent':
      return { kind: 'cost-advance-spent', at: input.data.spentAt, lines: [{ account: held, debit: amount, credit: 0 }, { account: cash, debit: 0, credit: amount }] };
    case 'CostAdvanceRefunded':
      return { kind: 'cost-advance-refunded', at: input.data.refundedAt, lines: [{ account: held, debit: amount, credit: 0 }, { account: cash, debit: 0, credit: amount }] };
  }
}

/**
 * A commission corrected after posting moves the difference between the agency's fee and
 * the client: from its payable while the payment's money is still in trust, from its
 * receivable once remitted (the client was paid the old share) or for a direct payment
 * (the commission is invoiced). No money moves. A negative difference runs the other way.
 */
export function commissionCorrectionLines(correction: CommissionCorrected, from: TrustAccount): JournalLine[] {
  const { difference } = correction.data;
  const fee: TrustAccount = { kind: 'fee-income' };
  return difference >= 0
    ? [{ account: from, debit: difference, credit: 0 }, { account: fee, debit: 0, credit: difference }]
    : [{ account: fee, debit: -difference, credit: 0 }, { account: from, debit: 0, credit: -difference }];
}
