import type { SettlementEvent } from './settlement.events';

export type SettlementStatus = 'awaiting-supervisor' | 'awaiting-client' | 'approved' | 'paid' | 'declined';

export interface Settlement {
  settlementId: string;
  clientId: string;
  amount: number;
  currency: string;
  balance: number;
  shareBp: number;
  authorityBp: number | null;
  status: SettlementStatus;
  offeredAt: string;
  payments: { paymentId: string; amount: number }[];
}

/** The settlements of one account (stream `settlements-<accountId>`), and the balance payments last reported. */
export interface SettlementsState {
  accountId?: string;
  /** Null until payments reported one. */
  balance: number | null;
  /** The payments and balance changes already heard, so a redelivered message changes nothing. */
  heard: string[];
  settlements: Settlement[];
}

export const initialSettlementsState = (): SettlementsState => ({ balance: null, heard: [], settlements: [] });

/** A settlement still in play: offered, approved or waiting, not yet paid or declined. */
export const activeSettlement = (state: SettlementsState): Settlement | undefined =>
  state.settlements.find((settlement) => settlement.status !== 'paid' && settlement.status !== 'declined');

export const paidToward = (settlement: Settlement): number => settlement.payments.reduce((sum, payment) => sum + payment.amount, 0);

const withSettlement = (state: SettlementsState, settlementId: string, change: (settlement: Settlement) => Settlement): SettlementsState => ({
  ...state,
  settlements: state.settlements.map((settlement) => (settlement.settlementId === settlementId ? change(settlement) : settlement)),
});

export function evolveSettlements(state: SettlementsState, event: SettlementEvent): SettlementsState {
  const data = event.data;
  switch (event.type) {
    case 'SettlementOffered': {
      const { settlementId, clientId, amount, currency, balance, shareBp, authorityBp, offeredAt } = event.data;
      return { ...state, accountId: data.accountId, settlements: [...state.settlements, { settlementId, clientId, amount, currency, balance, shareBp, authorityBp, status: 'awaiting-supervisor', offeredAt, payments: [] }] };
    }
    case 'SettlementApprovedBySupervisor':
      return withSettlement(state, event.data.settlementId, (settlement) => ({ ...settlement, status: 'awaiting-client' }));
    case 'SettlementApproved':
      return withSettlement(state, event.data.settlementId, (settlement) => ({ ...settlement, status: 'approved' }));
    case 'SettlementDeclined':
      return withSettlement(state, event.data.settlementId, (settlement) => ({ ...settlement, status: 'declined' }));
    case 'SettlementPaid':
      return withSettlement(state, event.data.settlementId, (settlement) => ({ ...settlement, status: 'paid' }));
    case 'SettlementPaymentCounted': {
      const { paymentId, amount } = event.data;
      return withSettlement(state, event.data.settlementId, (settlement) => ({ ...settlement, payments: [...settlement.payments, { paymentId, amount }] }));
    }
    case 'SettlementPaymentReversed': {
      const { paymentId, wasPaid } = event.data;
      return withSettlement(state, event.data.settlementId, (settlement) => ({
        ...settlement,
        status: wasPaid ? 'approved' : settlement.status,
        payments: settlement.payments.filter((payment) => payment.paymentId !== paymentId),
      }));
    }
    case 'AccountBalanceHeard':
      return { ...state, accountId: data.accountId, balance: event.data.balance, heard: [...state.heard, event.data.sourceId] };
  }
}
