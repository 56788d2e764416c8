import type { Installment, PaymentPlanEvent, PlanFrequency } from './payment-plan.events';

export type PlanStatus = 'active' | 'defaulted' | 'completed';

export interface PlanPayment {
  paymentId: string;
  amount: number;
  postedAt: string;
  reversed: boolean;
}

export interface PaymentPlan {
  planId: string;
  clientId: string;
  currency: string;
  frequency: PlanFrequency;
  installments: Installment[];
  total: number;
  graceDays: number;
  missedInstallmentsToDefault: number;
  agreedBy: string;
  agreedAt: string;
  status: PlanStatus;
  payments: PlanPayment[];
  /** Numbers of the installments missed. */
  missed: number[];
}

/** Every plan of one account, the latest last; at most one is active. */
export interface PaymentPlansState {
  accountId: string | undefined;
  plans: PaymentPlan[];
}

export const initialPaymentPlansState = (): PaymentPlansState => ({ accountId: undefined, plans: [] });

export const activePlan = (state: PaymentPlansState): PaymentPlan | undefined => state.plans.find((plan) => plan.status === 'active');

/** What the plan's standing payments bring, counting only those posted before `before` when given. */
export const paidOn = (plan: Pick<PaymentPlan, 'payments'>, before?: string): number =>
  plan.payments.filter((payment) => !payment.reversed && (before === undefined || Date.parse(payment.postedAt) < Date.parse(before))).reduce((sum, payment) => sum + payment.amount, 0);

const withPlan = (state: PaymentPlansState, planId: string, change: (plan: PaymentPlan) => PaymentPlan): PaymentPlansState => ({
  ...state,
  plans: state.plans.map((plan) => (plan.planId === planId ? change(plan) : plan)),
});

export function evolvePaymentPlans(state: PaymentPlansState, event: PaymentPlanEvent): PaymentPlansState {
  switch (event.type) {
    case 'PaymentPlanAgreed': {
      const { accountId, ...agreed } = event.data;
      return { accountId, plans: [...state.plans, { ...agreed, status: 'active', payments: [], missed: [] }] };
    }
    case 'PlanPaymentNoted': {
      const { planId, paymentId, amount, postedAt } = event.data;
      return withPlan(state, planId, (plan) => ({ ...plan, payments: [...plan.payments, { paymentId, amount, postedAt, reversed: false }] }));
    }
    case 'PlanPaymentReversed':
      return withPlan(state, event.data.planId, (plan) => ({ ...plan, payments: plan.payments.map((payment) => (payment.paymentId === event.data.paymentId ? { ...payment, reversed: true } : payment)) }));
    case 'PlanInstallmentMissed':
      return withPlan(state, event.data.planId, (plan) => ({ ...plan, missed: [...plan.missed, event.data.number] }));
    case 'PaymentPlanDefaulted':
      return withPlan(state, event.data.planId, (plan) => ({ ...plan, status: 'defaulted' }));
    case 'PaymentPlanCompleted':
      return withPlan(state, event.data.planId, (plan) => ({ ...plan, status: 'completed' }));
  }
}
