import { AgreementVersion, versionInForce } from '../commission-plan/agreement';
import type { PaymentMethod } from './ledger.events';

const DAY_MS = 86_400_000;

type HoldDays = Readonly<Record<PaymentMethod, number>>;

/**
 * Hold days when no agreement in the account's currency is in force (docs/decisions.md,
 * "Cleared funds without an agreement"): long enough for an ACH return or a bounced
 * cheque to come back before the money can be remitted.
 */
export const DEFAULT_HOLD_DAYS: HoldDays = { ach: 5, card: 3, check: 10, wire: 0, cash: 0, attorney: 10 };

/**
 * The cleared-funds hold of `method` under the agreement in force at `at`. The published
 * terms name no hold for `attorney`: an attorney sends collections on by trust-account
 * cheque, so the cheque hold applies.
 */
export function holdDaysOf(method: PaymentMethod, agreements: readonly AgreementVersion[], at: Date, currency: string): number {
  const version = versionInForce(agreements, at);
  if (!version || version.currency !== currency) return DEFAULT_HOLD_DAYS[method];
  const terms = version.clearedFundsHoldDays;
  return method === 'attorney' ? terms.check : terms[method];
}

/** When a payment posted at `postedAt` clears: whole days of hold later, at the same time of day. */
export function clearsAtOf(postedAt: Date, holdDays: number): Date {
  return new Date(postedAt.getTime() + Math.max(0, holdDays) * DAY_MS);
}
