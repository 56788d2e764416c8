import type { CostAdvanceReceived, CostAdvanceRefunded, CostAdvanceSpent } from '../cost-advances/cost-advance.events';

/** The trust accounts a cost advance moves between (a subset of trust-ledger.ts's). */
type AdvanceAccount = { kind: 'trust-cash' } | { kind: 'client-cost-advances'; clientId: string };
type AdvanceLine = { account: AdvanceAccount; debit: number; credit: number };

/**
 * The cost-advance events that move money in or out of trust: a request and a recovery
 * (costs added to a judgment) move none, so they are no trust input.
 */
export type CostAdvanceTrustInput = CostAdvanceReceived | CostAdvanceSpent | CostAdvanceRefunded;

export const COST_ADVANCE_TRUST_TYPES = ['CostAdvanceReceived', 'CostAdvanceSpent', 'CostAdvanceRefunded'] as const;

/** A client's money held in trust for the costs of its suits: never a payable of collections, never earning commission. */
export const costAdvancesHeld = (clientId: string): AdvanceAccount => ({ kind: 'client-cost-advances', clientId });

const cash: AdvanceAccount = { kind: 'trust-cash' };

/**
 * The lines of a cost-advance movement. Received: Dr trust cash / Cr the client's cost
 * advances held. Spent (to the court or attorney) and refunded (to the client): the
 * reverse. Each line pair balances.
 */
export function costAdvanceLines(input: CostAdvanceTrustInput): { kind: 'cost-advance-received' | 'cost-advance-spent' | 'cost-advance-refunded'; at: string; lines: AdvanceLine[] } {
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
