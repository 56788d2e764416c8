import { Decision, reject } from '@lib/es-core';
import { percentOf } from '@lib/money';
import type { RecallAccount, RecallTerms } from './account.commands';
import type { AccountEvent, RecallBlock } from './account.events';
import type { AccountState, CollectionStanding } from './account.state';

const DAY_MS = 86_400_000;

/** Only a supervisor may force a recall past its refusals (docs/domain.md, "Recall"). */
export const RECALL_FORCE_ROLE = 'supervisor';

/**
 * The agency's payments still inside their cleared-funds hold at `now`: held for the
 * agreement's days for the payment's method, counted from the day payments posted it. A
 * payment whose method is not known is held for the longest hold the agreement sets. A
 * direct payment never went through the trust account and is never held.
 */
export function paymentsInHold(standing: CollectionStanding, holdDays: RecallTerms['clearedFundsHoldDays'], now: Date): string[] {
  const longest = Math.max(...Object.values(holdDays));
  return standing.payments
    .filter((payment) => !payment.direct)
    .filter((payment) => {
      const days = payment.method !== null && payment.method in holdDays ? holdDays[payment.method as keyof typeof holdDays] : longest;
      return now.getTime() < Date.parse(payment.postedAt) + days * DAY_MS;
    })
    .map((payment) => payment.paymentId);
}

/**
 * What refuses a recall unless a supervisor forces it, each with its rule: a payment in
 * transit (inside its cleared-funds hold), an active payment plan, an open dispute
 * (noted from debtor contact's disputes, dispute-standing.decide.ts). Plans come with
 * their own events; their flag is already read here.
 */
export function recallBlocks(standing: CollectionStanding, terms: RecallTerms, now: Date): { rule: RecallBlock; reason: string; details?: Record<string, unknown> }[] {
  const blocks: { rule: RecallBlock; reason: string; details?: Record<string, unknown> }[] = [];
  const held = paymentsInHold(standing, terms.clearedFundsHoldDays, now);
  if (held.length > 0) blocks.push({ rule: 'recall-payment-in-hold', reason: 'a payment is still inside its cleared-funds hold', details: { paymentsInHold: held } });
  if (standing.planActive) blocks.push({ rule: 'recall-plan-active', reason: 'a payment plan is active on the account' });
  if (standing.disputeOpen) blocks.push({ rule: 'recall-dispute-open', reason: 'a dispute is open on the account' });
  return blocks;
}

/** The agreement's cancellation fee: owed only once work began, a flat amount plus a share of the balance recalled; none in another currency than the account's. */
export function cancellationFeeOf(standing: CollectionStanding, terms: RecallTerms, accountCurrency: string): number {
  if (!standing.workBegan || terms.currency !== accountCurrency) return 0;
  return terms.cancellationFee.flat + percentOf(standing.balance, terms.cancellationFee.rateOfBalanceBp);
}

/**
 * The client withdraws the account: collection stops everywhere (the `AccountClosed` with
 * code `recalled` is what every service acts on), payments posted stay, commission earned
 * stays owed, and the cancellation fee of the agreement in force is owed if work began.
 */
export function decideRecallAccount(command: RecallAccount, state: AccountState): Decision<AccountEvent> {
  const { requester, force, terms, now } = command;
  // Another client's account reads as unknown, so its existence does not leak.
  if (state.status === 'none' || (requester.role === 'client' && state.placement.clientId !== requester.id)) return reject('account-unknown', 'no such account');
  if (state.status === 'closed') return reject('account-closed', `the account is already closed (${state.closingCode})`);
  if (force && requester.role !== RECALL_FORCE_ROLE) return reject('recall-force-supervisor-only', 'only a supervisor may force a recall');
  const blocks = recallBlocks(state.standing, terms, now);
  if (blocks.length > 0 && !force) {
    const [first] = blocks;
    return reject(first.rule, first.reason, { details: { ...first.details, refusals: blocks.map((b) => b.rule) } });
  }
  const { accountId, clientId, currency } = state.placement;
  const recalledAt = now.toISOString();
  const cancellationFee = cancellationFeeOf(state.standing, terms, currency);
  return [
    {
      type: 'AccountRecalled',
      data: {
        accountId,
        clientId,
        workBegan: state.standing.workBegan,
        balanceRecalled: state.standing.balance,
        currency,
        cancellationFee,
        agreementVersion: cancellationFee > 0 ? terms.agreementVersion : null,
        forced: force ? { reason: force.reason, overrides: blocks.map((b) => b.rule) } : null,
        recalledAt,
      },
    },
    { type: 'AccountClosed', data: { accountId, clientId, closingCode: 'recalled', closedAt: recalledAt, ...(force ? { reason: force.reason } : {}) } },
  ];
}
