import type { DomainEvent } from '@lib/es-core';

export const PLAN_FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export type PlanFrequency = (typeof PLAN_FREQUENCIES)[number];

export interface Installment {
  /** From 1. */
  number: number;
  /** YYYY-MM-DD, the debtor's calendar. */
  dueDate: string;
  /** Minor units. */
  amount: number;
  /** The due date plus the grace days, over everywhere: the installment is missed if not covered by then. */
  deadline: string;
}

/** A plan agreed with the debtor, with the terms it is judged by. */
export type PaymentPlanAgreed = DomainEvent<
  'PaymentPlanAgreed',
  {
    accountId: string;
    clientId: string;
    planId: string;
    currency: string;
    frequency: PlanFrequency;
    installments: Installment[];
    /** Minor units: the installments together. */
    total: number;
    graceDays: number;
    missedInstallmentsToDefault: number;
    /** The collector or supervisor who agreed it. */
    agreedBy: string;
    agreedAt: string;
  }
>;

/** A payment posted while the plan was active counts toward it. */
export type PlanPaymentNoted = DomainEvent<'PlanPaymentNoted', { accountId: string; planId: string; paymentId: string; amount: number; postedAt: string }>;

/** A counted payment bounced: it no longer counts. */
export type PlanPaymentReversed = DomainEvent<'PlanPaymentReversed', { accountId: string; planId: string; paymentId: string; amount: number; reversedAt: string }>;

export type PlanInstallmentMissed = DomainEvent<
  'PlanInstallmentMissed',
  {
    accountId: string;
    clientId: string;
    planId: string;
    number: number;
    dueDate: string;
    /** What the plan asked for up to this installment, and what had been paid by its deadline (minor units). */
    dueToDate: number;
    paidToDate: number;
    /** Installments missed so far, this one included. */
    missedInstallments: number;
    missedAt: string;
  }
>;

export type PaymentPlanDefaulted = DomainEvent<
  'PaymentPlanDefaulted',
  { accountId: string; clientId: string; planId: string; missedInstallments: number; paid: number; total: number; defaultedAt: string }
>;

export type PaymentPlanCompleted = DomainEvent<'PaymentPlanCompleted', { accountId: string; clientId: string; planId: string; paid: number; total: number; completedAt: string }>;

export type PaymentPlanEvent = PaymentPlanAgreed | PlanPaymentNoted | PlanPaymentReversed | PlanInstallmentMissed | PaymentPlanDefaulted | PaymentPlanCompleted;
