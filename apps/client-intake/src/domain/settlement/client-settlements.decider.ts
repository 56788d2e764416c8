import { Decider, reject } from '@lib/es-core';
import type { ClientSettlementEvent, SettlementAwaitingClientNoted } from './client-settlements.events';

export interface ClientSettlement {
  accountId: string;
  settlementId: string;
  clientId: string;
  amount: number;
  currency: string;
  balance: number;
  shareBp: number;
  authorityBp: number | null;
  requestedAt: string;
  status: 'awaiting-client' | 'approved' | 'declined';
  decidedAt: string | null;
}

/** The settlements of one account put to its client (stream `settlements-<accountId>` of intake). */
export interface ClientSettlementsState {
  settlements: ClientSettlement[];
}

export interface NoteSettlementAwaitingClient {
  type: 'NoteSettlementAwaitingClient';
  request: SettlementAwaitingClientNoted['data'];
}

export interface DecideSettlement {
  type: 'DecideSettlement';
  settlementId: string;
  /** The calling client. */
  clientId: string;
  decision: 'approved' | 'declined';
  reason: string | null;
  now: Date;
}

export type ClientSettlementCommand = NoteSettlementAwaitingClient | DecideSettlement;

function evolve(state: ClientSettlementsState, event: ClientSettlementEvent): ClientSettlementsState {
  if (event.type === 'SettlementAwaitingClientNoted') {
    const { accountId, settlementId, clientId, amount, currency, balance, shareBp, authorityBp, requestedAt } = event.data;
    return { settlements: [...state.settlements, { accountId, settlementId, clientId, amount, currency, balance, shareBp, authorityBp, requestedAt, status: 'awaiting-client', decidedAt: null }] };
  }
  const { settlementId, decision, decidedAt } = event.data;
  return { settlements: state.settlements.map((settlement) => (settlement.settlementId === settlementId ? { ...settlement, status: decision, decidedAt } : settlement)) };
}

/**
 * A settlement waits for its client once debtor contact asked; the client approves or
 * declines it once. Another client's settlement reads as unknown (404), so its existence
 * does not leak; the same answer again (a retry) changes nothing.
 */
export const clientSettlementsDecider: Decider<ClientSettlementsState, ClientSettlementCommand, ClientSettlementEvent> = {
  initialState: () => ({ settlements: [] }),
  evolve,
  decide(command, state) {
    if (command.type === 'NoteSettlementAwaitingClient') {
      if (state.settlements.some((settlement) => settlement.settlementId === command.request.settlementId)) return [];
      return [{ type: 'SettlementAwaitingClientNoted', data: command.request }];
    }
    const settlement = state.settlements.find((candidate) => candidate.settlementId === command.settlementId);
    if (!settlement || settlement.clientId !== command.clientId) return reject('settlement-unknown', 'no such settlement waits for this client');
    if (settlement.status === command.decision) return [];
    if (settlement.status !== 'awaiting-client') return reject('settlement-already-decided', `the settlement was ${settlement.status} on ${settlement.decidedAt}`);
    return [{ type: 'SettlementDecidedByClient', data: { accountId: settlement.accountId, clientId: settlement.clientId, settlementId: settlement.settlementId, decision: command.decision, reason: command.reason, decidedAt: command.now.toISOString() } }];
  },
};
