import type { CostAdvanceEvent, CostAdvanceKind } from './cost-advance.events';

/** One advance's figures, minor units, each a running total of its events. */
export interface CostAdvance {
  advanceId: string;
  accountId: string;
  clientId: string;
  currency: string;
  kind: CostAdvanceKind;
  description: string;
  requested: number;
  received: number;
  spent: number;
  recovered: number;
  refunded: number;
  requestedAt: string;
  /** The judgments its recoveries were added to, in order. */
  judgmentReferences: string[];
}

/** The client's money for this advance still in trust. */
export const heldOf = (advance: CostAdvance) => advance.received - advance.spent - advance.refunded;

/**
 * Where the advance stands: `requested` until money arrives, `held` while trust holds some,
 * `spent` when all received was spent, `refunded` when all left was paid back.
 */
export function statusOf(advance: CostAdvance): 'requested' | 'held' | 'spent' | 'refunded' {
  if (advance.received === 0) return 'requested';
  if (heldOf(advance) > 0) return 'held';
  return advance.refunded > 0 ? 'refunded' : 'spent';
}

/** Every advance of one account, in the order requested. */
export interface CostAdvancesState {
  advances: CostAdvance[];
}

export const initialCostAdvancesState = (): CostAdvancesState => ({ advances: [] });

export function evolveCostAdvances(state: CostAdvancesState, event: CostAdvanceEvent): CostAdvancesState {
  if (event.type === 'CostAdvanceRequested') {
    const { advanceId, accountId, clientId, currency, kind, description, amount, requestedAt } = event.data;
    return { advances: [...state.advances, { advanceId, accountId, clientId, currency, kind, description, requested: amount, received: 0, spent: 0, recovered: 0, refunded: 0, requestedAt, judgmentReferences: [] }] };
  }
  if (event.type === 'CostAdvanceRecovered') {
    const { advanceId, amount, judgmentReference } = event.data;
    return { advances: state.advances.map((advance) => (advance.advanceId === advanceId ? { ...advance, recovered: advance.recovered + amount, judgmentReferences: [...advance.judgmentReferences, judgmentReference] } : advance)) };
  }
  const field = ({ CostAdvanceReceived: 'received', CostAdvanceSpent: 'spent', CostAdvanceRefunded: 'refunded' } as const)[event.type];
  return { advances: state.advances.map((advance) => (advance.advanceId === event.data.advanceId ? { ...advance, [field]: advance[field] + event.data.amount } : advance)) };
}
