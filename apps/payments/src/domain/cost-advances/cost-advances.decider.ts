import { Decider, Decision, reject } from '@lib/es-core';
import type { CostAdvanceCommand, RequestCostAdvance } from './cost-advances.commands';
import type { CostAdvanceEvent } from './cost-advance.events';
import { CostAdvance, CostAdvancesState, evolveCostAdvances, heldOf, initialCostAdvancesState } from './cost-advances.state';
import { decideRecoverJudgmentCosts, decideRequestSuitCosts } from './suit-costs.decide';

/**
 * Cost advances (docs/payments.md, "Cost advances"): the client's money for court costs
 * and suit fees, requested, received into trust, spent from it, recovered by adding the
 * costs to the judgment, and refunded when unused. Never a payment: no allocation, no
 * commission, nothing on the debtor's balance.
 */
function decide(command: CostAdvanceCommand, state: CostAdvancesState): Decision<CostAdvanceEvent> {
  if (command.type === 'RequestSuitCosts') return decideRequestSuitCosts(command, state);
  if (command.type === 'RecoverJudgmentCosts') return decideRecoverJudgmentCosts(command, state);
  if (!Number.isSafeInteger(command.amount) || command.amount < 1) {
    return reject('cost-advance-amount-positive', `an amount is a whole, positive number of minor units, got ${command.amount}`);
  }
  if (command.type === 'RequestCostAdvance') return decideRequest(command, state);
  const advance = state.advances.find((a) => a.advanceId === command.advanceId);
  if (!advance) return reject('cost-advance-unknown', `no cost advance ${command.advanceId} on this account`);
  if (command.currency !== advance.currency) {
    return reject('currency-mismatch', `the advance is kept in ${advance.currency}, the amount is in ${command.currency}`);
  }
  const ref = { advanceId: advance.advanceId, accountId: advance.accountId, clientId: advance.clientId, currency: advance.currency };
  const { amount } = command;
  const at = command.now.toISOString();
  switch (command.type) {
    case 'ReceiveCostAdvance': {
      const outstanding = advance.requested - advance.received;
      if (amount > outstanding) return reject('receipt-exceeds-request', `${outstanding} of the advance is still to come, the receipt is ${amount}`, { details: { outstanding } });
      return [{ type: 'CostAdvanceReceived', data: { ...ref, amount, heldAfter: heldOf(advance) + amount, receivedAt: at } }];
    }
    case 'SpendCostAdvance':
      return overHeld(advance, amount) ?? [{ type: 'CostAdvanceSpent', data: { ...ref, amount, paidTo: command.paidTo, heldAfter: heldOf(advance) - amount, spentAt: at } }];
    case 'RefundCostAdvance':
      return overHeld(advance, amount) ?? [{ type: 'CostAdvanceRefunded', data: { ...ref, amount, heldAfter: heldOf(advance) - amount, refundedAt: at } }];
    case 'RecoverCostAdvance': {
      const recoverable = advance.spent - advance.recovered;
      if (amount > recoverable) return reject('recovery-exceeds-spent', `${recoverable} of the costs spent is not yet added to a judgment, the recovery is ${amount}`, { details: { recoverable } });
      return [{ type: 'CostAdvanceRecovered', data: { ...ref, amount, judgmentReference: command.judgmentReference, recoveredAt: at } }];
    }
  }
}

function decideRequest(command: RequestCostAdvance, state: CostAdvancesState): Decision<CostAdvanceEvent> {
  if (!command.account) return reject('ledger-unknown', 'no ledger for this account');
  if (command.currency !== command.account.currency) {
    return reject('currency-mismatch', `the account is kept in ${command.account.currency}, the advance is in ${command.currency}`);
  }
  if (state.advances.some((a) => a.advanceId === command.advanceId)) return reject('cost-advance-id-unique', `cost advance ${command.advanceId} is already requested`);
  const { advanceId, accountId, kind, amount, currency, description } = command;
  return [{ type: 'CostAdvanceRequested', data: { advanceId, accountId, clientId: command.account.clientId, currency, kind, amount, description, requestedAt: command.now.toISOString() } }];
}

/** Only money trust holds for the advance can leave it, spent or refunded. */
function overHeld(advance: CostAdvance, amount: number): Decision<CostAdvanceEvent> | undefined {
  const held = heldOf(advance);
  return amount > held ? reject('cost-advance-exceeds-held', `trust holds ${held} of this advance, the amount is ${amount}`, { details: { held } }) : undefined;
}

/** One stream per account, `cost-advances-<accountId>`. */
export const costAdvancesDecider: Decider<CostAdvancesState, CostAdvanceCommand, CostAdvanceEvent> = {
  initialState: initialCostAdvancesState,
  evolve: evolveCostAdvances,
  decide,
};
