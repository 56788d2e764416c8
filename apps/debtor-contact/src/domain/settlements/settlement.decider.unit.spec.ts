import { given } from '@lib/es-core/testing/given-when-then';
import { approvalDecider, ApprovalRequested } from '../work-queue/approval.decider';
import type { DecideSettlementAsClient, DecideSettlementAsSupervisor, NoteSettlementPayment, NoteSettlementPaymentReversal, OfferSettlement } from './settlement.commands';
import { settlementDecider } from './settlement.decider';
import type { AccountBalanceHeard, SettlementApproved, SettlementApprovedBySupervisor, SettlementEvent, SettlementOffered, SettlementPaymentCounted } from './settlement.events';
import { authorityInForce, settlementAuthorityDecider } from './settlement-authority';

const OFFERED_AT = '2026-03-02T15:00:00.000Z';
const offer: OfferSettlement = {
  type: 'OfferSettlement',
  accountId: 'acc-1',
  settlementId: 'set-1',
  amount: 60_000,
  currency: 'USD',
  offeredBy: 'collector-7',
  contactCase: { status: 'open', clientId: 'client-1', currency: 'USD', placedAmount: 100_000 },
  authorityBp: 8_000,
  now: new Date(OFFERED_AT),
};
const offered = (amount: number, withinAuthority: boolean, balance = 100_000): SettlementOffered => ({
  type: 'SettlementOffered',
  data: { accountId: 'acc-1', clientId: 'client-1', settlementId: 'set-1', amount, currency: 'USD', balance, shareBp: Math.floor((amount * 10_000) / balance), authorityBp: 8_000, withinAuthority, offeredBy: 'collector-7', offeredAt: OFFERED_AT },
});
const approvedBy = (approvedBy: 'authority' | 'client', approvedAt: string): SettlementApproved => ({ type: 'SettlementApproved', data: { accountId: 'acc-1', clientId: 'client-1', settlementId: 'set-1', approvedBy, approvedAt } });
const SUPERVISED_AT = '2026-03-02T16:00:00.000Z';
const supervisor = (decision: 'approved' | 'declined'): DecideSettlementAsSupervisor => ({ type: 'DecideSettlementAsSupervisor', settlementId: 'set-1', decision, supervisorId: 'sup-1', reason: null, now: new Date(SUPERVISED_AT) });
const supervised: SettlementApprovedBySupervisor = {
  type: 'SettlementApprovedBySupervisor',
  data: { accountId: 'acc-1', clientId: 'client-1', settlementId: 'set-1', amount: 60_000, currency: 'USD', balance: 100_000, shareBp: 6_000, authorityBp: 8_000, supervisorId: 'sup-1', approvedAt: SUPERVISED_AT },
};
const CLIENT_AT = '2026-03-03T09:00:00.000Z';
const client = (decision: 'approved' | 'declined', clientId = 'client-1'): DecideSettlementAsClient => ({ type: 'DecideSettlementAsClient', settlementId: 'set-1', clientId, decision, reason: decision === 'declined' ? 'too low' : null, decidedAt: CLIENT_AT });
const pay = (paymentId: string, amount: number, balanceAfter: number, postedAt: string): NoteSettlementPayment => ({ type: 'NoteSettlementPayment', accountId: 'acc-1', paymentId, amount, balanceAfter, postedAt });
const heard = (sourceId: string, balance: number, heardAt: string): AccountBalanceHeard => ({ type: 'AccountBalanceHeard', data: { accountId: 'acc-1', sourceId, balance, heardAt } });
const counted = (paymentId: string, amount: number, postedAt: string): SettlementPaymentCounted => ({ type: 'SettlementPaymentCounted', data: { accountId: 'acc-1', settlementId: 'set-1', paymentId, amount, postedAt } });
const beyondApproved: SettlementEvent[] = [offered(60_000, false), supervised, approvedBy('client', CLIENT_AT)];

describe('a settlement', () => {
  it('within the client authority is approved the moment it is offered', () =>
    given(settlementDecider).when({ ...offer, amount: 80_000 }).then([offered(80_000, true), approvedBy('authority', OFFERED_AT)]));

  it('beyond the client authority waits for a supervisor', () => given(settlementDecider).when(offer).then([offered(60_000, false)]));

  it('may be offered as a share of the balance, rounded up to the cent', () => {
    given(settlementDecider).when({ ...offer, amount: undefined, shareBp: 8_000 }).then([offered(80_000, true), approvedBy('authority', OFFERED_AT)]);
    const { decision } = given(settlementDecider, [heard('pay-0', 33_333, '2026-03-01T10:00:00.000Z')]).when({ ...offer, amount: undefined, shareBp: 5_000 });
    expect(decision).toMatchObject([{ data: { amount: 16_667, balance: 33_333, shareBp: 5_000, withinAuthority: false } }]);
  });

  it('is figured on the balance payments last reported, not the placed amount', () => {
    const { decision } = given(settlementDecider, [heard('pay-0', 50_000, '2026-03-01T10:00:00.000Z')]).when({ ...offer, amount: 40_000 });
    expect(decision).toMatchObject([{ data: { balance: 50_000, shareBp: 8_000, withinAuthority: true } }, { type: 'SettlementApproved' }]);
  });

  it('needs a supervisor and the client whenever no agreement of the client was heard', () => {
    const { decision } = given(settlementDecider).when({ ...offer, amount: 99_999, authorityBp: null });
    expect(decision).toMatchObject([{ data: { withinAuthority: false, authorityBp: null } }]);
  });

  it('is refused at or above the balance, below a cent, in another currency, with both figures or none, on a closed or unknown case, or while another is in play', () => {
    given(settlementDecider).when({ ...offer, amount: 100_000 }).thenRejects('settlement-amount-out-of-range');
    given(settlementDecider).when({ ...offer, amount: undefined, shareBp: 0 }).thenRejects('settlement-amount-out-of-range');
    given(settlementDecider).when({ ...offer, currency: 'EUR' }).thenRejects('settlement-currency-mismatch');
    given(settlementDecider).when({ ...offer, shareBp: 6_000 }).thenRejects('settlement-offer-one-figure');
    given(settlementDecider).when({ ...offer, amount: undefined }).thenRejects('settlement-offer-one-figure');
    given(settlementDecider).when({ ...offer, contactCase: { ...offer.contactCase, status: 'closed' } }).thenRejects('case-closed');
    given(settlementDecider).when({ ...offer, contactCase: { ...offer.contactCase, status: 'none' } }).thenRejects('case-unknown');
    given(settlementDecider, [offered(60_000, false)]).when({ ...offer, settlementId: 'set-2' }).thenRejects('settlement-already-active');
    given(settlementDecider, [heard('pay-0', 0, '2026-03-01T10:00:00.000Z')]).when(offer).thenRejects('settlement-nothing-owed');
  });

  it('approved by a supervisor then waits for the client, and a retried approval changes nothing', () => {
    given(settlementDecider, [offered(60_000, false)]).when(supervisor('approved')).then([supervised]);
    given(settlementDecider, [offered(60_000, false), supervised]).when(supervisor('approved')).then([]);
    given(settlementDecider, [offered(60_000, false), supervised]).when(supervisor('declined')).thenRejects('settlement-not-awaiting-supervisor');
    given(settlementDecider).when(supervisor('approved')).thenRejects('settlement-unknown');
  });

  it('declined by a supervisor or by the client ends, and another may be offered', () => {
    given(settlementDecider, [offered(60_000, false)]).when(supervisor('declined')).then([
      { type: 'SettlementDeclined', data: { accountId: 'acc-1', clientId: 'client-1', settlementId: 'set-1', declinedBy: 'supervisor', declinerId: 'sup-1', reason: null, declinedAt: SUPERVISED_AT } },
    ]);
    const declined: SettlementEvent = { type: 'SettlementDeclined', data: { accountId: 'acc-1', clientId: 'client-1', settlementId: 'set-1', declinedBy: 'client', declinerId: 'client-1', reason: 'too low', declinedAt: CLIENT_AT } };
    given(settlementDecider, [offered(60_000, false), supervised]).when(client('declined')).then([declined]);
    const { decision } = given(settlementDecider, [offered(60_000, false), supervised, declined]).when({ ...offer, settlementId: 'set-2', amount: 85_000 });
    expect(decision).toMatchObject([{ data: { settlementId: 'set-2' } }, { type: 'SettlementApproved' }]);
  });

  it('still in play when the account closed and reopened lapses with the next offer', () => {
    const reopenedAt = '2026-03-10T09:00:00.000Z';
    const later = { ...offer, settlementId: 'set-2', amount: 85_000, now: new Date('2026-03-11T09:00:00.000Z') };
    given(settlementDecider, [offered(60_000, false), supervised]).when({ ...later, contactCase: { ...offer.contactCase, reopenedAt: '2026-03-01T00:00:00.000Z' } }).thenRejects('settlement-already-active');
    const { decision } = given(settlementDecider, [offered(60_000, false), supervised]).when({ ...later, contactCase: { ...offer.contactCase, reopenedAt } });
    expect(decision).toMatchObject([
      { type: 'SettlementDeclined', data: { settlementId: 'set-1', declinedBy: 'lapsed' } },
      { type: 'SettlementOffered', data: { settlementId: 'set-2' } },
      { type: 'SettlementApproved', data: { settlementId: 'set-2' } },
    ]);
  });

  it('is approved by its own client only, once it waited for it', () => {
    given(settlementDecider, [offered(60_000, false), supervised]).when(client('approved')).then([approvedBy('client', CLIENT_AT)]);
    given(settlementDecider, [offered(60_000, false), supervised]).when(client('approved', 'client-2')).then([]);
    given(settlementDecider, [offered(60_000, false)]).when(client('approved')).then([]);
  });

  it('counts the payments posted since it was offered, once each, and paid it writes off what is left of the balance', () => {
    const first = '2026-03-04T10:00:00.000Z';
    const second = '2026-03-05T10:00:00.000Z';
    given(settlementDecider, beyondApproved).when(pay('pay-1', 20_000, 80_000, first)).then([heard('pay-1', 80_000, first), counted('pay-1', 20_000, first)]);
    const afterFirst = [...beyondApproved, heard('pay-1', 80_000, first), counted('pay-1', 20_000, first)];
    given(settlementDecider, afterFirst).when(pay('pay-1', 20_000, 80_000, first)).then([]);
    given(settlementDecider, afterFirst).when(pay('pay-2', 40_000, 40_000, second)).then([
      heard('pay-2', 40_000, second),
      counted('pay-2', 40_000, second),
      { type: 'SettlementPaid', data: { accountId: 'acc-1', clientId: 'client-1', settlementId: 'set-1', amount: 60_000, paid: 60_000, currency: 'USD', writeOff: 40_000, paidAt: second } },
    ]);
  });

  it('paid in full before the client approved is paid the moment the client approves', () => {
    const at = '2026-03-02T17:00:00.000Z';
    given(settlementDecider, [offered(60_000, false), supervised, heard('pay-1', 40_000, at), counted('pay-1', 60_000, at)]).when(client('approved')).then([
      approvedBy('client', CLIENT_AT),
      { type: 'SettlementPaid', data: { accountId: 'acc-1', clientId: 'client-1', settlementId: 'set-1', amount: 60_000, paid: 60_000, currency: 'USD', writeOff: 40_000, paidAt: CLIENT_AT } },
    ]);
  });

  it('takes a reversed payment back from what was paid toward it while it is not yet paid, once', () => {
    const first = '2026-03-04T10:00:00.000Z';
    const bounced = '2026-03-06T10:00:00.000Z';
    const afterFirst = [...beyondApproved, heard('pay-1', 80_000, first), counted('pay-1', 20_000, first)];
    const reversal: NoteSettlementPaymentReversal = { type: 'NoteSettlementPaymentReversal', accountId: 'acc-1', paymentId: 'pay-1', balanceAfter: 100_000, reversedAt: bounced };
    const reversed: SettlementEvent[] = [
      heard('reversal-pay-1', 100_000, bounced),
      { type: 'SettlementPaymentReversed', data: { accountId: 'acc-1', settlementId: 'set-1', paymentId: 'pay-1', amount: 20_000, wasPaid: false, reversedAt: bounced } },
    ];
    given(settlementDecider, afterFirst).when(reversal).then(reversed);
    given(settlementDecider, [...afterFirst, ...reversed]).when(reversal).then([]);
    const state = [...afterFirst, ...reversed].reduce(settlementDecider.evolve, settlementDecider.initialState());
    expect(state.settlements[0]).toMatchObject({ status: 'approved', payments: [] });
    // What the debtor pays next has to cover the whole settlement amount again.
    given(settlementDecider, [...afterFirst, ...reversed]).when(pay('pay-2', 40_000, 60_000, '2026-03-07T10:00:00.000Z')).then([heard('pay-2', 60_000, '2026-03-07T10:00:00.000Z'), counted('pay-2', 40_000, '2026-03-07T10:00:00.000Z')]);
  });

  it('paid, and then one of its payments reversed, is approved again for what is still owed of its amount and paid again when that comes', () => {
    const at = '2026-03-04T10:00:00.000Z';
    const bounced = '2026-03-06T10:00:00.000Z';
    const again = '2026-03-08T10:00:00.000Z';
    const paidEvent: SettlementEvent = { type: 'SettlementPaid', data: { accountId: 'acc-1', clientId: 'client-1', settlementId: 'set-1', amount: 60_000, paid: 60_000, currency: 'USD', writeOff: 40_000, paidAt: at } };
    const paidOff = [...beyondApproved, heard('pay-1', 40_000, at), counted('pay-1', 60_000, at), paidEvent, heard('adjusted', 0, at)];
    const reversal: NoteSettlementPaymentReversal = { type: 'NoteSettlementPaymentReversal', accountId: 'acc-1', paymentId: 'pay-1', balanceAfter: 60_000, reversedAt: bounced };
    const reversed: SettlementEvent[] = [
      heard('reversal-pay-1', 60_000, bounced),
      { type: 'SettlementPaymentReversed', data: { accountId: 'acc-1', settlementId: 'set-1', paymentId: 'pay-1', amount: 60_000, wasPaid: true, reversedAt: bounced } },
    ];
    given(settlementDecider, paidOff).when(reversal).then(reversed);
    given(settlementDecider, [...paidOff, ...reversed]).when(pay('pay-2', 60_000, 0, again)).then([
      heard('pay-2', 0, again),
      counted('pay-2', 60_000, again),
      { type: 'SettlementPaid', data: { accountId: 'acc-1', clientId: 'client-1', settlementId: 'set-1', amount: 60_000, paid: 60_000, currency: 'USD', writeOff: 0, paidAt: again } },
    ]);
  });

  it('hears the balance a reversed payment left, and changes nothing else when the payment counted toward no settlement', () =>
    given(settlementDecider, [offered(60_000, false)]).when({ type: 'NoteSettlementPaymentReversal', accountId: 'acc-1', paymentId: 'pay-0', balanceAfter: 100_000, reversedAt: '2026-03-03T10:00:00.000Z' }).then([heard('reversal-pay-0', 100_000, '2026-03-03T10:00:00.000Z')]));

  it('does not count a payment posted before it was offered, but hears the balance it left', () =>
    given(settlementDecider, [offered(60_000, false)]).when(pay('pay-0', 1_000, 99_000, '2026-03-01T10:00:00.000Z')).then([heard('pay-0', 99_000, '2026-03-01T10:00:00.000Z')]));
});

describe("a client's settlement authority", () => {
  const noted = (version: number, effectiveFrom: string, settlementAuthorityBp: number) => ({ type: 'SettlementAuthorityNoted' as const, data: { clientId: 'client-1', version, effectiveFrom, settlementAuthorityBp } });

  it('is the one of the agreement version in force, none before the first takes effect', () => {
    const state = [noted(1, '2026-01-01T00:00:00.000Z', 8_000), noted(2, '2026-06-01T00:00:00.000Z', 7_000)].reduce(settlementAuthorityDecider.evolve, settlementAuthorityDecider.initialState());
    expect(authorityInForce(state, new Date('2025-12-31T00:00:00.000Z'))).toBeNull();
    expect(authorityInForce(state, new Date('2026-03-01T00:00:00.000Z'))).toBe(8_000);
    expect(authorityInForce(state, new Date('2026-06-01T00:00:00.000Z'))).toBe(7_000);
  });

  it('is the onboarding agreement (version 0) from onboarding until the first negotiated version takes effect', () => {
    const state = [noted(0, '2025-11-01T00:00:00.000Z', 8_000), noted(1, '2026-06-01T00:00:00.000Z', 6_500)].reduce(settlementAuthorityDecider.evolve, settlementAuthorityDecider.initialState());
    expect(authorityInForce(state, new Date('2025-10-31T00:00:00.000Z'))).toBeNull();
    expect(authorityInForce(state, new Date('2026-03-01T00:00:00.000Z'))).toBe(8_000);
    expect(authorityInForce(state, new Date('2026-06-01T00:00:00.000Z'))).toBe(6_500);
  });

  it('is noted once per agreement version', () =>
    given(settlementAuthorityDecider, [noted(1, '2026-01-01T00:00:00.000Z', 8_000)]).when({ type: 'NoteSettlementAuthority', clientId: 'client-1', version: 1, effectiveFrom: '2026-01-01T00:00:00.000Z', settlementAuthorityBp: 8_000 }).then([]));
});

describe('an approval', () => {
  const requested: ApprovalRequested = {
    type: 'ApprovalRequested',
    data: { approvalId: 'set-1', kind: 'settlement-beyond-authority', accountId: 'acc-1', clientId: 'client-1', amount: 60_000, currency: 'USD', reason: 'offer', requestedBy: 'collector-7', requestedAt: OFFERED_AT },
  };
  const decide = (decision: 'approved' | 'rejected') => ({ type: 'DecideApproval' as const, approvalId: 'set-1', decision, decidedBy: 'sup-1', now: new Date(SUPERVISED_AT) });

  it('pending is decided once by a supervisor, and the same decision again changes nothing', () => {
    given(approvalDecider, [requested]).when(decide('approved')).then([{ type: 'ApprovalDecided', data: { approvalId: 'set-1', decision: 'approved', decidedBy: 'sup-1', decidedAt: SUPERVISED_AT } }]);
    const decided = { type: 'ApprovalDecided' as const, data: { approvalId: 'set-1', decision: 'approved' as const, decidedBy: 'sup-1', decidedAt: SUPERVISED_AT } };
    given(approvalDecider, [requested, decided]).when(decide('approved')).then([]);
    given(approvalDecider, [requested, decided]).when(decide('rejected')).thenRejects('approval-already-decided');
    given(approvalDecider).when(decide('approved')).thenRejects('approval-unknown');
  });
});
