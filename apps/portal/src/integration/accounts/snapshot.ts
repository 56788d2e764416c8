import type { AccountSnapshot } from '../../portal.dependencies';

/** What the portal reads of debtor contact's case view (GET /cases/:accountId). */
export interface CaseRead {
  accountId: string;
  clientId: string;
  status: 'open' | 'closed';
  commercial: boolean;
  debtor: { legalName: string; addresses?: Array<{ postalCode?: string }> };
  plans: Array<{ planId: string; status: string; total: number; paid: number; installments: Array<{ number: number; dueDate: string; amount: number }> }>;
}

/** What the portal reads of payments' ledger view (GET /ledgers/:accountId). */
export interface LedgerRead {
  currency: string;
  balance: number;
  invoices: Array<{ number: string; dueDate: string; amount: number; open: number }>;
  payments: Array<{ paymentId: string; amount: number; method: string; postedAt: string; reversed: boolean }>;
}

/** The debtor's view of the account, from the case and the ledger, and nothing else of them. */
export function snapshotOf(caseView: CaseRead, ledger: LedgerRead): AccountSnapshot {
  const active = caseView.plans.find((plan) => plan.status === 'active');
  return {
    accountId: caseView.accountId,
    clientId: caseView.clientId,
    caseOpen: caseView.status === 'open',
    commercial: caseView.commercial,
    debtorName: caseView.debtor.legalName,
    postalCodes: (caseView.debtor.addresses ?? []).map((address) => address.postalCode).filter((code): code is string => typeof code === 'string' && code.trim() !== ''),
    currency: ledger.currency,
    balance: ledger.balance,
    invoices: ledger.invoices.map(({ number, dueDate, amount, open }) => ({ number, dueDate, amount, open })),
    payments: ledger.payments.map(({ paymentId, amount, method, postedAt, reversed }) => ({ paymentId, amount, method, postedAt, reversed })),
    activePlan: active ? { planId: active.planId, total: active.total, paid: active.paid, installments: active.installments.map(({ number, dueDate, amount }) => ({ number, dueDate, amount })) } : null,
  };
}
