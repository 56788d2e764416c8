import { Decision, reject } from '@lib/es-core';
import type { RecoverJudgmentCosts, RequestSuitCosts } from './cost-advances.commands';
import type { CostAdvanceEvent, CostAdvanceKind } from './cost-advance.events';
import type { CostAdvancesState } from './cost-advances.state';

/**
 * The suit's costs, heard from legal-referral, become requests to the client: no money moves
 * until the client's money reaches trust (a receipt) and leaves it for the court or the
 * attorney (a spending), both recorded by accounting against the bank, as for any advance.
 * An advance id already requested is the same suit heard again: nothing more is asked.
 */
export function decideRequestSuitCosts(command: RequestSuitCosts, state: CostAdvancesState): Decision<CostAdvanceEvent> {
  if (!command.account) return reject('ledger-unknown', 'no ledger for this account');
  if (command.currency !== command.account.currency) {
    return reject('currency-mismatch', `the account is kept in ${command.account.currency}, the suit's costs are in ${command.currency}`);
  }
  const filedOn = command.filedAt.slice(0, 10);
  const asks: { kind: CostAdvanceKind; advanceId: string; amount: number; description: string }[] = [
    { kind: 'suit-fee', advanceId: command.advanceIds.suitFee, amount: command.suitFee, description: `The receiving attorney's suit fee, suit filed on ${filedOn}` },
    { kind: 'court-costs', advanceId: command.advanceIds.courtCosts, amount: command.courtCosts, description: `Court costs of filing and service, suit filed on ${filedOn}` },
  ];
  const { accountId, currency } = command;
  return asks
    .filter((ask) => Number.isSafeInteger(ask.amount) && ask.amount > 0 && !state.advances.some((a) => a.advanceId === ask.advanceId))
    .map(({ kind, advanceId, amount, description }) => ({
      type: 'CostAdvanceRequested' as const,
      data: { advanceId, accountId, clientId: command.account!.clientId, currency, kind, amount, description, requestedAt: command.now.toISOString() },
    }));
}

/**
 * The court costs a judgment awards are owed by the debtor: what the client's court-costs
 * advances paid out and no judgment recovered yet is recovered, oldest advance first, up to
 * the award. The suit fee is the attorney's fee, not a court cost, so a judgment's costs
 * never recover it. A judgment already recovered under its reference recovers nothing more;
 * costs spent after the judgment are recovered by hand (`POST .../recoveries`).
 */
export function decideRecoverJudgmentCosts(command: RecoverJudgmentCosts, state: CostAdvancesState): Decision<CostAdvanceEvent> {
  if (!Number.isSafeInteger(command.costs) || command.costs < 0) return reject('cost-advance-amount-positive', `a judgment's costs are whole minor units, zero or more, got ${command.costs}`);
  if (state.advances.some((a) => a.judgmentReferences.includes(command.judgmentReference))) return [];
  let left = command.costs;
  const events: CostAdvanceEvent[] = [];
  for (const advance of state.advances) {
    if (left === 0) break;
    if (advance.kind !== 'court-costs' || advance.currency !== command.currency) continue;
    const amount = Math.min(left, advance.spent - advance.recovered);
    if (amount <= 0) continue;
    left -= amount;
    const { advanceId, accountId, clientId, currency } = advance;
    events.push({ type: 'CostAdvanceRecovered', data: { advanceId, accountId, clientId, currency, amount, judgmentReference: command.judgmentReference, recoveredAt: command.now.toISOString() } });
  }
  return events;
}
