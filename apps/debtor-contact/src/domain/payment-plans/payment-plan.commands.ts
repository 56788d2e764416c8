import type { ArrangementTerms } from '../promises/promise-terms';
import type { PlanFrequency } from './payment-plan.events';

/** What the plan needs to know of the contact case it is agreed on (read from the case's stream). */
export interface CaseForPlan {
  status: 'none' | 'open' | 'closed';
  clientId: string;
  currency: string;
  /** Today in the debtor's time (the earliest date where the debtor may be). */
  debtorToday: string;
}

/** A collector or supervisor agrees a plan with the debtor. */
export interface AgreePaymentPlan {
  type: 'AgreePaymentPlan';
  accountId: string;
  planId: string;
  /** Minor units, in the order they fall due. */
  installmentAmounts: number[];
  currency: string;
  frequency: PlanFrequency;
  firstDueDate: string;
  agreedBy: string;
  contactCase: CaseForPlan;
  terms: ArrangementTerms;
  now: Date;
}

export interface NotePlanPayment {
  type: 'NotePlanPayment';
  paymentId: string;
  amount: number;
  postedAt: string;
}

export interface NotePlanPaymentReversal {
  type: 'NotePlanPaymentReversal';
  paymentId: string;
  reversedAt: string;
}

/** The scheduler's check at an installment's deadline. */
export interface CheckPlanInstallment {
  type: 'CheckPlanInstallment';
  planId: string;
  number: number;
  now: Date;
}

export type PaymentPlanCommand = AgreePaymentPlan | NotePlanPayment | NotePlanPaymentReversal | CheckPlanInstallment;
