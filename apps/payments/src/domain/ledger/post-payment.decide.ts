import { Decision, reject } from '@lib/es-core';
import { percentOf } from '@lib/money';
import { AgreementVersion, versionInForce } from '../commission-plan/agreement';
import { commissionOf, PlanStamp, stampOf } from '../commission-plan/commission';
import { allocate } from './allocate';
import { clearsAtOf, holdDaysOf } from './cleared-funds';
import type { PostPayment } from './ledger.commands';
import type { AccountPaidInFull, LedgerEvent, PaymentPosted } from './ledger.events';
import { balanceOf, collectedToDate, LedgerState, OpenLedgerState } from './ledger.state';
import { inPreCollectionWindow } from './pre-collection-fee';

/** The agreement version whose plan charges a payment on this ledger at `at`: in force then, in the account's currency, and the ledger knows the placement's terms. */
export function planInForce(state: OpenLedgerState, agreements: readonly AgreementVersion[], at: Date): AgreementVersion | undefined {
  const version = versionInForce(agreements, at);
  return version && version.currency === state.currency && state.terms ? version : undefined;
}

/**
 * The commission of a payment: from the client's rate plan in force at the payment's
 * moment, when there is one in the account's currency and the ledger knows the placement's
 * terms; else (accounts placed before any plan was published, or a plan in another
 * currency) the rate fixed at placement, as before plans existed.
 */
export function chargeOf(
  state: OpenLedgerState,
  command: Pick<PostPayment, 'agreements' | 'now'>,
  applied: number,
  feeCase: PostPayment['feeCase'] | null,
): { commission: number; rateBp: number; plan: PlanStamp | null } {
  const version = planInForce(state, command.agreements ?? [], command.now);
  if (!version || !state.terms) return { commission: percentOf(applied, state.rateBp), rateBp: state.rateBp, plan: null };
  const { commission, rateBp, tierId } = commissionOf({
    plan: version.ratePlan,
    account: state.terms,
    withAttorney: state.legalRateApplied,
    collectedBefore: collectedToDate(state),
    commissionBefore: state.commissionTotal,
    applied,
    feeCase: feeCase ?? null,
  });
  return { commission, rateBp, plan: stampOf(version, tierId) };
}

/** The rules a payment is judged by, in the order asked: a posted payment passed them all (the ledger's allowance). */
export const POST_PAYMENT_RULES = ['payment-amount-positive', 'currency-mismatch', 'payment-id-unique', 'account-paid', 'unknown-invoice'] as const;

/**
 * Posts a payment: allocation, commission at the rate in force now, credit for any
 * over-payment, and the paid-in-full announcement when the balance reaches zero (once, and
 * again only after a reversal reopened it; never on a ledger a settlement wrote off).
 */
export function decidePostPayment(command: PostPayment, state: LedgerState): Decision<LedgerEvent> {
  if (state.status === 'none') return reject('ledger-unknown', 'no ledger for this account');
  if (!Number.isSafeInteger(command.amount) || command.amount < 1) {
    return reject('payment-amount-positive', `a payment is a whole, positive number of minor units, got ${command.amount}`);
  }
  if (command.currency !== state.currency) {
    return reject('currency-mismatch', `the account is kept in ${state.currency}, the payment is in ${command.currency}`);
  }
  if (state.payments.some((p) => p.paymentId === command.paymentId)) {
    return reject('payment-id-unique', `payment ${command.paymentId} is already posted`);
  }
  const balance = balanceOf(state);
  if (balance === 0) return reject('account-paid', 'the balance is already paid in full');
  const known = new Set(state.invoices.map((i) => i.number));
  const unknown = (command.designatedInvoices ?? []).filter((number) => !known.has(number));
  if (unknown.length > 0) {
    return reject('unknown-invoice', `no such invoice on this account: ${unknown.join(', ')}`, { details: { unknownInvoices: unknown } });
  }

  const { allocations, credit } = allocate(command.amount, state.invoices, command.designatedInvoices);
  const applied = command.amount - credit;
  const balanceAfter = balance - applied;
  const feeCase = command.feeCase ?? null;
  // Pre-collection: the flat fee (owed when the ledger opened) is the agency's whole charge.
  const preCollection = inPreCollectionWindow(state.preCollection, command.now);
  const charged = preCollection ? { commission: 0, rateBp: 0, plan: null } : chargeOf(state, command, applied, feeCase);
  const posted: PaymentPosted = {
    type: 'PaymentPosted.v2',
    data: {
      accountId: state.accountId,
      clientId: state.clientId,
      paymentId: command.paymentId,
      amount: command.amount,
      currency: command.currency,
      method: command.method,
      allocations,
      // "No recovery, no fee": the credit owed back is not a recovery.
      commission: charged.commission,
      commissionRateBp: charged.rateBp,
      plan: charged.plan,
      feeCase,
      credit,
      balanceAfter,
      postedAt: command.now.toISOString(),
      // A direct payment never passed through trust: there is nothing to hold.
      clearsAt: (command.direct ? command.now : clearsAtOf(command.now, holdDaysOf(command.method, command.agreements ?? [], command.now, state.currency))).toISOString(),
      ...(command.direct ? { direct: true, commissionOwedBy: 'client' as const } : {}),
      ...(preCollection ? { preCollection: true as const } : {}),
    },
  };
  // A settled account paid off again after a bounce is settled again (intake closes it so from debtor contact's SettlementPaid), not paid in full.
  if (balanceAfter > 0 || state.paidInFullAnnounced || state.settlementWrittenOff) return [posted];
  const paid: AccountPaidInFull = { type: 'AccountPaidInFull', data: { accountId: state.accountId, clientId: state.clientId, paidAt: command.now.toISOString() } };
  return [posted, paid];
}
