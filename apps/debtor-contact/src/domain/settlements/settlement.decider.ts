import { Decider, Decision, reject } from '@lib/es-core';
import type { DecideSettlementAsClient, DecideSettlementAsSupervisor, NoteAccountBalance, NoteSettlementPayment, NoteSettlementPaymentReversal, OfferSettlement, SettlementCommand } from './settlement.commands';
import type { SettlementEvent, SettlementPaid } from './settlement.events';
import { activeSettlement, evolveSettlements, initialSettlementsState, paidToward, Settlement, SettlementsState } from './settlement.state';

const BP = 10_000n;

/** The offer is within the client's authority when it is at least the authority's share of the balance (exact, in integers). */
export const withinAuthority = (amount: number, balance: number, authorityBp: number | null): boolean =>
  authorityBp !== null && BigInt(amount) * BP >= BigInt(balance) * BigInt(authorityBp);

/** A share of the balance in minor units, rounded up: the debtor never settles for less than the share named. */
export const amountForShare = (balance: number, shareBp: number): number => Number((BigInt(balance) * BigInt(shareBp) + BP - 1n) / BP);

const shareOf = (amount: number, balance: number): number => Number((BigInt(amount) * BP) / BigInt(balance));

function decideOffer(command: OfferSettlement, state: SettlementsState): Decision<SettlementEvent> {
  const { contactCase } = command;
  if (contactCase.status === 'none') return reject('case-unknown', 'no contact case for this account');
  if (contactCase.status === 'closed') return reject('case-closed', 'the case is closed: no settlement can be offered on it');
  if ((command.amount === undefined) === (command.shareBp === undefined)) return reject('settlement-offer-one-figure', 'an offer names either an amount or a share of the balance (shareBp), not both or neither');
  const active = activeSettlement(state);
  const lapsed = active !== undefined && contactCase.reopenedAt !== undefined && Date.parse(active.offeredAt) < Date.parse(contactCase.reopenedAt);
  if (active && !lapsed) return reject('settlement-already-active', `settlement ${active.settlementId} is still ${active.status} on this account`, { details: { settlementId: active.settlementId } });
  if (command.currency !== contactCase.currency) return reject('settlement-currency-mismatch', `the account is in ${contactCase.currency}, the offer in ${command.currency}`);
  const balance = state.balance ?? contactCase.placedAmount;
  if (balance <= 0) return reject('settlement-nothing-owed', 'the account owes nothing: there is nothing to settle');
  const amount = command.amount ?? amountForShare(balance, command.shareBp ?? 0);
  if (!Number.isSafeInteger(amount) || amount < 1 || amount >= balance) {
    return reject('settlement-amount-out-of-range', `a settlement is from 1 to ${balance - 1} minor units (less than the balance of ${balance}), not ${amount}`, { details: { balance, amount } });
  }
  const within = withinAuthority(amount, balance, command.authorityBp);
  const offeredAt = command.now.toISOString();
  const { clientId } = contactCase;
  const ended: SettlementEvent[] =
    active && lapsed
      ? [{ type: 'SettlementDeclined', data: { accountId: command.accountId, clientId: active.clientId, settlementId: active.settlementId, declinedBy: 'lapsed', declinerId: command.offeredBy, reason: `the account closed and reopened (${contactCase.reopenedAt}) while it was ${active.status}`, declinedAt: offeredAt } }]
      : [];
  const offered: SettlementEvent = {
    type: 'SettlementOffered',
    data: { accountId: command.accountId, clientId, settlementId: command.settlementId, amount, currency: command.currency, balance, shareBp: shareOf(amount, balance), authorityBp: command.authorityBp, withinAuthority: within, offeredBy: command.offeredBy, offeredAt },
  };
  if (!within) return [...ended, offered];
  return [...ended, offered, { type: 'SettlementApproved', data: { accountId: command.accountId, clientId, settlementId: command.settlementId, approvedBy: 'authority', approvedAt: offeredAt } }];
}

const settlementOf = (state: SettlementsState, settlementId: string): Settlement | undefined => state.settlements.find((settlement) => settlement.settlementId === settlementId);

/** A supervisor's decision; the same decision again (a retried request) changes nothing. */
function decideAsSupervisor(command: DecideSettlementAsSupervisor, state: SettlementsState): Decision<SettlementEvent> {
  const settlement = settlementOf(state, command.settlementId);
  if (!settlement) return reject('settlement-unknown', `no settlement ${command.settlementId} on this account`);
  if (settlement.status !== 'awaiting-supervisor') {
    const alreadySo = command.decision === 'declined' ? settlement.status === 'declined' : settlement.status !== 'declined';
    if (alreadySo) return [];
    return reject('settlement-not-awaiting-supervisor', `settlement ${settlement.settlementId} is ${settlement.status}`);
  }
  const { settlementId, clientId, amount, currency, balance, shareBp, authorityBp } = settlement;
  const accountId = state.accountId!;
  const at = command.now.toISOString();
  if (command.decision === 'declined') {
    return [{ type: 'SettlementDeclined', data: { accountId, clientId, settlementId, declinedBy: 'supervisor', declinerId: command.supervisorId, reason: command.reason, declinedAt: at } }];
  }
  return [{ type: 'SettlementApprovedBySupervisor', data: { accountId, clientId, settlementId, amount, currency, balance, shareBp, authorityBp, supervisorId: command.supervisorId, approvedAt: at } }];
}

/** Paid already when approved: the payments counted since the offer may cover it. */
function paidIfCovered(state: SettlementsState, settlement: Settlement, paid: number, at: string): SettlementPaid[] {
  if (paid < settlement.amount) return [];
  const { settlementId, clientId, amount, currency } = settlement;
  const writeOff = Math.max(0, state.balance ?? (settlement.balance - paid));
  return [{ type: 'SettlementPaid', data: { accountId: state.accountId!, clientId, settlementId, amount, paid, currency, writeOff, paidAt: at } }];
}

/** Client intake checked the client and the stage; a message heard again, or about a settlement no longer waiting, changes nothing. */
function decideAsClient(command: DecideSettlementAsClient, state: SettlementsState): Decision<SettlementEvent> {
  const settlement = settlementOf(state, command.settlementId);
  if (!settlement || settlement.status !== 'awaiting-client' || settlement.clientId !== command.clientId) return [];
  const { settlementId, clientId } = settlement;
  const accountId = state.accountId!;
  if (command.decision === 'declined') {
    return [{ type: 'SettlementDeclined', data: { accountId, clientId, settlementId, declinedBy: 'client', declinerId: clientId, reason: command.reason, declinedAt: command.decidedAt } }];
  }
  const approved: SettlementEvent = { type: 'SettlementApproved', data: { accountId, clientId, settlementId, approvedBy: 'client', approvedAt: command.decidedAt } };
  return [approved, ...paidIfCovered(state, settlement, paidToward(settlement), command.decidedAt)];
}

/**
 * Every payment tells the balance; one posted since the offer of a settlement still in
 * play counts toward it, and the one that covers an approved settlement pays it: what is
 * left of the balance after it is the write-off.
 */
function decidePayment(command: NoteSettlementPayment, state: SettlementsState): Decision<SettlementEvent> {
  if (state.heard.includes(command.paymentId)) return [];
  const { accountId, paymentId, amount, balanceAfter, postedAt } = command;
  const heard: SettlementEvent = { type: 'AccountBalanceHeard', data: { accountId, sourceId: paymentId, balance: balanceAfter, heardAt: postedAt } };
  const settlement = activeSettlement(state);
  if (!settlement || Date.parse(postedAt) < Date.parse(settlement.offeredAt)) return [heard];
  const counted: SettlementEvent = { type: 'SettlementPaymentCounted', data: { accountId, settlementId: settlement.settlementId, paymentId, amount, postedAt } };
  if (settlement.status !== 'approved') return [heard, counted];
  const after = evolveSettlements(state, heard);
  return [heard, counted, ...paidIfCovered(after, settlement, paidToward(settlement) + amount, postedAt)];
}

/**
 * A reversed payment tells the balance it left, and is taken back from the settlement it
 * counted toward (in play or paid): a paid one is approved again, for what is still owed of
 * its amount. Heard once per payment; a payment that counted toward none changes only the balance.
 */
function decidePaymentReversal(command: NoteSettlementPaymentReversal, state: SettlementsState): Decision<SettlementEvent> {
  const sourceId = `reversal-${command.paymentId}`;
  if (state.heard.includes(sourceId)) return [];
  const { accountId, paymentId, balanceAfter, reversedAt } = command;
  const heard: SettlementEvent = { type: 'AccountBalanceHeard', data: { accountId, sourceId, balance: balanceAfter, heardAt: reversedAt } };
  const settlement = state.settlements.find((candidate) => candidate.payments.some((payment) => payment.paymentId === paymentId));
  const counted = settlement?.payments.find((payment) => payment.paymentId === paymentId);
  if (!settlement || !counted || settlement.status === 'declined') return [heard];
  return [heard, { type: 'SettlementPaymentReversed', data: { accountId, settlementId: settlement.settlementId, paymentId, amount: counted.amount, wasPaid: settlement.status === 'paid', reversedAt } }];
}

function decideBalance(command: NoteAccountBalance, state: SettlementsState): Decision<SettlementEvent> {
  if (state.heard.includes(command.causeId)) return [];
  return [{ type: 'AccountBalanceHeard', data: { accountId: command.accountId, sourceId: command.causeId, balance: command.balanceAfter, heardAt: command.changedAt } }];
}

/**
 * The settlements of one account (docs/debtor-contact.md, "Settlements"): one in play at a
 * time; within the client's authority it is approved when offered, beyond it a supervisor
 * and then the client approve; payments posted since the offer count toward it.
 */
export const settlementDecider: Decider<SettlementsState, SettlementCommand, SettlementEvent> = {
  initialState: initialSettlementsState,
  evolve: evolveSettlements,
  decide(command, state) {
    switch (command.type) {
      case 'OfferSettlement':
        return decideOffer(command, state);
      case 'DecideSettlementAsSupervisor':
        return decideAsSupervisor(command, state);
      case 'DecideSettlementAsClient':
        return decideAsClient(command, state);
      case 'NoteSettlementPayment':
        return decidePayment(command, state);
      case 'NoteAccountBalance':
        return decideBalance(command, state);
      case 'NoteSettlementPaymentReversal':
        return decidePaymentReversal(command, state);
    }
  },
};
