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

export type CostAdvanceCommand = RequestCostAdvance | ReceiveCostAdvance | SpendCostAdvance | RecoverCostAdvance | RefundCostAdvance;
