import type { PostPayment, ReversePayment } from './ledger.commands';
import type { LedgerEvent, LedgerOpened, PaymentPosted } from './ledger.events';

export const NOW = new Date('2026-06-01T09:00:00.000Z');

/** Three invoices listed out of due-date order, so the allocation order is visible. */
export function opened(overrides: Partial<LedgerOpened['data']> = {}): LedgerOpened {
  return {
    type: 'LedgerOpened',
    data: {
      accountId: 'acc-1',
      clientId: 'client-1',
      currency: 'USD',
      invoices: [
        { number: 'INV-3', dueDate: '2026-03-01', amount: 30_000 },
        { number: 'INV-1', dueDate: '2026-01-31', amount: 10_000 },
        { number: 'INV-2', dueDate: '2026-02-28', amount: 20_000 },
      ],
      commissionRateBp: 2_500,
      ...overrides,
    },
  };
}

export function payment(overrides: Partial<Omit<PostPayment, 'type'>> = {}): PostPayment {
  return { type: 'PostPayment', paymentId: 'pay-1', amount: 5_000, currency: 'USD', method: 'ach', now: NOW, ...overrides };
}

export function reversal(overrides: Partial<Omit<ReversePayment, 'type'>> = {}): ReversePayment {
  return { type: 'ReversePayment', paymentId: 'pay-1', reason: 'nsf', now: NOW, ...overrides };
}

export function posted(overrides: Partial<PaymentPosted['data']> = {}): PaymentPosted {
  return {
    type: 'PaymentPosted.v2',
    data: {
      accountId: 'acc-1',
      clientId: 'client-1',
      paymentId: 'pay-1',
      amount: 5_000,
      currency: 'USD',
      method: 'ach',
      allocations: [{ invoiceNumber: 'INV-1', amount: 5_000 }],
      commission: 1_250,
      commissionRateBp: 2_500,
      plan: null,
      feeCase: null,
      credit: 0,
      balanceAfter: 55_000,
      postedAt: NOW.toISOString(),
      // The default ACH hold: no agreement is in force in these fixtures.
      clearsAt: '2026-06-06T09:00:00.000Z',
      ...overrides,
    },
  };
}

export const legalRate = (rateBp = 4_000): LedgerEvent => ({ type: 'LegalRateApplied', data: { accountId: 'acc-1', rateBp, appliedAt: NOW.toISOString() } });
