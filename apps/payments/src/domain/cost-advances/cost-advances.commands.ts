import type { CostAdvanceKind } from './cost-advance.events';

/** The account's ledger as the handler found it: the client and currency an advance belongs to. */
export interface AdvanceAccount {
  clientId: string;
  currency: string;
}

export interface RequestCostAdvance {
  type: 'RequestCostAdvance';
  advanceId: string;
  accountId: string;
  /** Undefined when payments has no ledger for the account. */
  account: AdvanceAccount | undefined;
  kind: CostAdvanceKind;
  amount: number;
  currency: string;
  description: string;
  now: Date;
}

/** A step of an advance already requested; `amount` in the advance's currency, minor units. */
interface AdvanceStep<T extends string> {
  type: T;
  advanceId: string;
  amount: number;
  currency: string;
  now: Date;
}

export type ReceiveCostAdvance = AdvanceStep<'ReceiveCostAdvance'>;
export type SpendCostAdvance = AdvanceStep<'SpendCostAdvance'> & { paidTo: string };
export type RecoverCostAdvance = AdvanceStep<'RecoverCostAdvance'> & { judgmentReference: string };
export type RefundCostAdvance = AdvanceStep<'RefundCostAdvance'>;

/**
 * Legal-referral recorded a suit filed (docs/payments.md, "Court costs from the legal
 * pipeline"): the client is asked to advance what it costs, the attorney's suit fee and the
 * court costs, each as its own advance under the id given (one per suit and kind).
 */
export interface RequestSuitCosts {
  type: 'RequestSuitCosts';
  accountId: string;
  account: AdvanceAccount | undefined;
  /** Minor units of the account's currency; 0: nothing to ask. */
  suitFee: number;
  courtCosts: number;
  currency: string;
  advanceIds: { suitFee: string; courtCosts: string };
  filedAt: string;
  now: Date;
}

/**
 * A judgment awarded court costs against the debtor: the court-costs advances spent and not
 * yet recovered are recovered, oldest first, up to `costs`, under `judgmentReference`.
 */
export interface RecoverJudgmentCosts {
  type: 'RecoverJudgmentCosts';
  costs: number;
  currency: string;
  judgmentReference: string;
  now: Date;
}

export type CostAdvanceCommand = RequestCostAdvance | ReceiveCostAdvance | SpendCostAdvance | RecoverCostAdvance | RefundCostAdvance | RequestSuitCosts | RecoverJudgmentCosts;
