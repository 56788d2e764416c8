import { fold } from '@lib/es-core';
import { given } from '@lib/es-core/testing/given-when-then';
import { allocate } from './allocate';
import type { AddLedgerInvoice, AdjustOpenBalance, PostPayment, ReversePayment } from './ledger.commands';
import { ledgerDecider } from './ledger.decider';
import type { LedgerEvent } from './ledger.events';
import { balanceOf, OpenLedgerState } from './ledger.state';
import { NOW, opened, posted } from './ledger.fixtures';

const addInvoice = (overrides: Partial<AddLedgerInvoice['invoice']> = {}, currency = 'USD'): AddLedgerInvoice => ({
  type: 'AddLedgerInvoice',
  invoice: { number: 'INV-4', dueDate: '2026-01-15', amount: 8_000, ...overrides },
  currency,
  now: NOW,
});
const invoiceAdded = (balanceAfter = 68_000): LedgerEvent => ({
  type: 'LedgerInvoiceAdded',
  data: { accountId: 'acc-1', clientId: 'client-1', invoice: { number: 'INV-4', dueDate: '2026-01-15', amount: 8_000 }, currency: 'USD', balanceAfter, addedAt: NOW.toISOString() },
});
const adjust = (amount: number, adjustmentId = 'adj-1'): AdjustOpenBalance => ({ type: 'AdjustOpenBalance', adjustmentId, amount, currency: 'USD', reason: 'credit note CN-17', now: NOW });
const base = { accountId: 'acc-1', clientId: 'client-1', adjustmentId: 'adj-1', currency: 'USD', reason: 'credit note CN-17', adjustedAt: NOW.toISOString() };

describe('an invoice the client added after placement', () => {
  it('opens a new open item, and the balance grows by it', () => {
    given(ledgerDecider, [opened()]).when(addInvoice()).then([invoiceAdded()]);
    expect(balanceOf(fold(ledgerDecider, [opened(), invoiceAdded()]) as OpenLedgerState)).toBe(68_000);
  });

  it('is reached by payments under the unchanged rule: oldest due first, so an added invoice due earliest is paid first', () => {
    const state = fold(ledgerDecider, [opened(), invoiceAdded()]) as OpenLedgerState;
    expect(allocate(12_000, state.invoices).allocations).toEqual([
      { invoiceNumber: 'INV-4', amount: 8_000 },
      { invoiceNumber: 'INV-1', amount: 4_000 },
    ]);
  });

  it('heard again changes nothing', () => given(ledgerDecider, [opened(), invoiceAdded()]).when(addInvoice()).then([]));

  it("currency-mismatch: in another currency than the account's", () => given(ledgerDecider, [opened()]).when(addInvoice({}, 'EUR')).thenRejects('currency-mismatch'));

  it('ledger-unknown: no ledger for the account', () => given(ledgerDecider).when(addInvoice()).thenRejects('ledger-unknown'));
});

describe('a balance adjustment', () => {
  it('up: a new open item due the day of the adjustment, which payments reach after the invoices already due', () => {
    const openItem = { number: 'adjustment-adj-1', dueDate: '2026-06-01', amount: 2_500 };
    given(ledgerDecider, [opened()])
      .when(adjust(2_500))
      .then([{ type: 'OpenBalanceAdjusted', data: { ...base, amount: 2_500, applied: 2_500, openItem, allocations: [], balanceAfter: 62_500 } }]);
  });

  it('down: taken off the open items oldest first, as a payment would be, with no commission', () =>
    given(ledgerDecider, [opened()])
      .when(adjust(-15_000))
      .then([
        {
          type: 'OpenBalanceAdjusted',
          data: { ...base, amount: -15_000, applied: -15_000, openItem: null, allocations: [{ invoiceNumber: 'INV-1', amount: 10_000 }, { invoiceNumber: 'INV-2', amount: 5_000 }], balanceAfter: 45_000 },
        },
      ]));

  it('down past what is open (a payment posted since intake decided): only what is open comes off, and the account is paid in full', () => {
    const paidMost = posted({ amount: 50_000, allocations: [{ invoiceNumber: 'INV-1', amount: 10_000 }, { invoiceNumber: 'INV-2', amount: 20_000 }, { invoiceNumber: 'INV-3', amount: 20_000 }], balanceAfter: 10_000 });
    const { decision } = given(ledgerDecider, [opened(), paidMost]).when(adjust(-12_000));
    expect(decision).toEqual([
      { type: 'OpenBalanceAdjusted', data: { ...base, amount: -12_000, applied: -10_000, openItem: null, allocations: [{ invoiceNumber: 'INV-3', amount: 10_000 }], balanceAfter: 0 } },
      { type: 'AccountPaidInFull', data: { accountId: 'acc-1', clientId: 'client-1', paidAt: NOW.toISOString() } },
    ]);
  });

  it("a settlement's write-off to zero is not paid in full: the account is settled, and nothing is announced", () => {
    const paidMost = posted({ amount: 50_000, allocations: [{ invoiceNumber: 'INV-1', amount: 10_000 }, { invoiceNumber: 'INV-2', amount: 20_000 }, { invoiceNumber: 'INV-3', amount: 20_000 }], balanceAfter: 10_000 });
    const writeOff: AdjustOpenBalance = { ...adjust(-10_000, 'settlement-set-1'), reason: 'settlement set-1 paid', kind: 'settlement-write-off' };
    const { decision } = given(ledgerDecider, [opened(), paidMost]).when(writeOff);
    expect(decision).toEqual([
      {
        type: 'OpenBalanceAdjusted',
        data: { ...base, adjustmentId: 'settlement-set-1', reason: 'settlement set-1 paid', kind: 'settlement-write-off', amount: -10_000, applied: -10_000, openItem: null, allocations: [{ invoiceNumber: 'INV-3', amount: 10_000 }], balanceAfter: 0 },
      },
    ]);
  });

  it('an approved write-off to zero is not paid in full either: the account closes written off', () => {
    const paidMost = posted({ amount: 50_000, allocations: [{ invoiceNumber: 'INV-1', amount: 10_000 }, { invoiceNumber: 'INV-2', amount: 20_000 }, { invoiceNumber: 'INV-3', amount: 20_000 }], balanceAfter: 10_000 });
    const writeOff: AdjustOpenBalance = { ...adjust(-10_000, 'write-off-wo-1'), kind: 'write-off' };
    const { decision } = given(ledgerDecider, [opened(), paidMost]).when(writeOff);
    expect(decision).toMatchObject([{ type: 'OpenBalanceAdjusted', data: { kind: 'write-off', balanceAfter: 0 } }]);
    expect(decision).toHaveLength(1);
  });

  it('after a settlement write-off, a bounced payment paid off again is not paid in full either', () => {
    const paidMost = posted({ amount: 50_000, allocations: [{ invoiceNumber: 'INV-1', amount: 10_000 }, { invoiceNumber: 'INV-2', amount: 20_000 }, { invoiceNumber: 'INV-3', amount: 20_000 }], balanceAfter: 10_000 });
    const writeOff: AdjustOpenBalance = { ...adjust(-10_000, 'settlement-set-1'), kind: 'settlement-write-off' };
    const bounce: ReversePayment = { type: 'ReversePayment', paymentId: paidMost.data.paymentId, reason: 'nsf', now: NOW };
    const payAgain: PostPayment = { type: 'PostPayment', paymentId: 'pay-again', amount: 50_000, currency: 'USD', method: 'ach', now: NOW };
    const writtenOff = given(ledgerDecider, [opened(), paidMost]).when(writeOff).decision as LedgerEvent[];
    const bounced = given(ledgerDecider, [opened(), paidMost, ...writtenOff]).when(bounce).decision as LedgerEvent[];
    expect(bounced).toMatchObject([{ type: 'PaymentReversed', data: { balanceAfter: 50_000 } }]);
    const { decision } = given(ledgerDecider, [opened(), paidMost, ...writtenOff, ...bounced]).when(payAgain);
    expect(decision).toMatchObject([{ type: 'PaymentPosted.v2', data: { balanceAfter: 0 } }]);
  });

  it('heard again changes nothing', () => {
    const adjusted = given(ledgerDecider, [opened()]).when(adjust(-1_000)).decision as LedgerEvent[];
    given(ledgerDecider, [opened(), ...adjusted]).when(adjust(-1_000)).then([]);
  });

  it('leaves the commission untouched: an adjustment is not money collected', () => {
    const adjusted = given(ledgerDecider, [opened(), posted()]).when(adjust(-1_000)).decision as LedgerEvent[];
    expect(fold(ledgerDecider, [opened(), posted(), ...adjusted])).toMatchObject({ commissionTotal: 1_250 });
  });
});
