import { given } from '@lib/es-core/testing/given-when-then';
import { clientSettlementsDecider, DecideSettlement } from './client-settlements.decider';
import type { SettlementAwaitingClientNoted } from './client-settlements.events';

const noted: SettlementAwaitingClientNoted = {
  type: 'SettlementAwaitingClientNoted',
  data: { accountId: 'acc-1', clientId: 'client-1', settlementId: 'set-1', amount: 60_000, currency: 'USD', balance: 100_000, shareBp: 6_000, authorityBp: 8_000, requestedAt: '2026-03-02T16:00:00.000Z' },
};
const NOW = '2026-03-03T09:00:00.000Z';
const decide = (decision: 'approved' | 'declined', clientId = 'client-1'): DecideSettlement => ({ type: 'DecideSettlement', settlementId: 'set-1', clientId, decision, reason: null, now: new Date(NOW) });
const decided = (decision: 'approved' | 'declined') => ({ type: 'SettlementDecidedByClient' as const, data: { accountId: 'acc-1', clientId: 'client-1', settlementId: 'set-1', decision, reason: null, decidedAt: NOW } });

describe('a settlement put to the client', () => {
  it('is approved by its own client once debtor contact asked', () => given(clientSettlementsDecider, [noted]).when(decide('approved')).then([decided('approved')]));

  it('reads as unknown to another client, and before debtor contact asked', () => {
    given(clientSettlementsDecider, [noted]).when(decide('approved', 'client-2')).thenRejects('settlement-unknown');
    given(clientSettlementsDecider).when(decide('approved')).thenRejects('settlement-unknown');
  });

  it('is decided once: the same answer again changes nothing, the other is refused', () => {
    given(clientSettlementsDecider, [noted, decided('approved')]).when(decide('approved')).then([]);
    given(clientSettlementsDecider, [noted, decided('approved')]).when(decide('declined')).thenRejects('settlement-already-decided');
  });

  it('is asked once however often the request is heard', () => given(clientSettlementsDecider, [noted]).when({ type: 'NoteSettlementAwaitingClient', request: noted.data }).then([]));
});
