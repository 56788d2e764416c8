import { given } from '@lib/es-core/testing/given-when-then';
import type { AccountEvent } from './account.events';
import type { AddInvoice, AdjustBalance, UpdateDebtor } from './account.commands';
import { accountDecider } from './account.decider';
import { evolveAccount, initialAccountState } from './account.state';
import { closedAs, NOW, paymentNoted, placed } from './account.fixtures';

const client = { role: 'client', id: 'client-1' };
const supervisor = { role: 'supervisor', id: 'staff-7' };
const invoice = { number: 'INV-2', issueDate: '2026-01-15', dueDate: '2026-02-14', originalAmount: 120_000, currency: 'USD' };

const stateAfter = (history: AccountEvent[]) => history.reduce(evolveAccount, initialAccountState());

describe('the client or staff add an invoice to a placed account', () => {
  const add = (overrides: Partial<AddInvoice['invoice']> = {}, requester = client): AddInvoice => ({ type: 'AddInvoice', requester, invoice: { ...invoice, ...overrides }, now: NOW });
  const added = (addedBy = client): AccountEvent => ({ type: 'InvoiceAdded', data: { accountId: 'acc-1', clientId: 'client-1', invoice, addedBy, addedAt: NOW.toISOString() } });

  it('records the invoice, and what the debtor owes grows by its amount', () => {
    given(accountDecider, [placed]).when(add()).then([added()]);
    const state = stateAfter([placed, added()]);
    expect(state.status === 'active' && [state.standing.balance, state.placement.invoices.map((i) => i.number)]).toEqual([620_000, ['INV-1', 'INV-2']]);
  });

  it('lets a supervisor add one for the client, naming who did it', () => given(accountDecider, [placed]).when(add({}, supervisor)).then([added(supervisor)]));

  it("refuses another client's account as unknown", () => given(accountDecider, [placed]).when(add({}, { role: 'client', id: 'client-2' })).thenRejects('account-unknown'));

  it('refuses a closed account', () => given(accountDecider, [placed, closedAs('recalled')]).when(add()).thenRejects('account-closed'));

  it('refuses an invoice not yet due, as a placement would', () => {
    const { decision } = given(accountDecider, [placed]).when(add({ dueDate: '2026-03-02' }));
    expect(decision).toMatchObject({ rule: 'invoice-invalid', details: { problems: [{ field: 'dueDate', rule: 'invoice-not-yet-due' }] } });
  });

  it('lists every problem at once: a number already on the account, another currency, issued in the future', () => {
    const { decision } = given(accountDecider, [placed]).when(add({ number: 'INV-1', currency: 'EUR', issueDate: '2026-03-05', dueDate: '2026-03-05' }));
    const problems = (decision as unknown as { details: { problems: { field: string; rule?: string }[] } }).details.problems;
    expect(problems.map((p) => p.rule ?? p.field)).toEqual(['invoice-already-on-account', 'currency-mismatch', 'invoice-not-yet-due', 'issueDate']);
  });
});

describe('the client or staff adjust what the debtor owes', () => {
  const adjust = (amount: number, overrides: Partial<AdjustBalance> = {}): AdjustBalance => ({
    type: 'AdjustBalance',
    requester: client,
    adjustmentId: 'adj-1',
    amount,
    currency: 'USD',
    reason: 'credit note 17 for returned goods',
    now: NOW,
    ...overrides,
  });
  const adjusted = (amount: number): AccountEvent => ({
    type: 'BalanceAdjusted',
    data: { accountId: 'acc-1', clientId: 'client-1', adjustmentId: 'adj-1', amount, currency: 'USD', reason: 'credit note 17 for returned goods', adjustedBy: client, adjustedAt: NOW.toISOString() },
  });

  it('records an adjustment down, with its reason, and the balance follows', () => {
    given(accountDecider, [placed]).when(adjust(-50_000)).then([adjusted(-50_000)]);
    const state = stateAfter([placed, adjusted(-50_000)]);
    expect(state.status === 'active' && state.standing.balance).toBe(450_000);
  });

  it('records an adjustment up (late fees the client adds)', () => given(accountDecider, [placed]).when(adjust(25_000)).then([adjusted(25_000)]));

  it('takes the balance to exactly zero: the debtor owes nothing more than it paid', () =>
    given(accountDecider, [placed, paymentNoted({ amount: 100_000, balanceAfter: 400_000 })]).when(adjust(-400_000)).then([adjusted(-400_000)]));

  it('adjustment-below-paid: never below what the debtor has paid', () =>
    given(accountDecider, [placed, paymentNoted({ amount: 100_000, balanceAfter: 400_000 })]).when(adjust(-400_001)).thenRejects('adjustment-below-paid'));

  it('adjustment-amount-nonzero: an adjustment of nothing', () => given(accountDecider, [placed]).when(adjust(0)).thenRejects('adjustment-amount-nonzero'));

  it('adjustment-needs-reason: a blank reason', () => given(accountDecider, [placed]).when(adjust(-1, { reason: '  ' })).thenRejects('adjustment-needs-reason'));

  it("currency-mismatch: in another currency than the account's", () => given(accountDecider, [placed]).when(adjust(-1, { currency: 'EUR' })).thenRejects('currency-mismatch'));

  it('refuses a closed account', () => given(accountDecider, [placed, closedAs('paid-in-full')]).when(adjust(10)).thenRejects('account-closed'));
});

describe('the client or staff update the debtor', () => {
  const update = (changes: UpdateDebtor['changes'], requester = client): UpdateDebtor => ({ type: 'UpdateDebtor', requester, changes, now: NOW });
  const legacy: AccountEvent = { ...placed, data: { ...placed.data, debtor: { ...placed.data.debtor, phone: '+12125550100', taxId: '12-3456789' } } };

  it('replaces the fields given and drops the unflagged phone a new list supersedes', () => {
    const phones = [{ number: '+12125550199', consent: true, doNotContact: false }];
    given(accountDecider, [legacy])
      .when(update({ legalName: 'Acme Holdings Ltd', phones }, { role: 'collector', id: 'staff-2' }))
      .then([
        {
          type: 'DebtorUpdated',
          data: {
            accountId: 'acc-1',
            clientId: 'client-1',
            debtor: { kind: 'company', legalName: 'Acme Holdings Ltd', country: 'US', region: 'NY', taxId: '12-3456789', phones },
            changed: ['legalName', 'phones'],
            updatedBy: { role: 'collector', id: 'staff-2' },
            updatedAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it('records nothing when the update changes nothing', () => given(accountDecider, [legacy]).when(update({ taxId: '12-3456789' })).then([]));

  it('debtor-update-empty: names no field', () => given(accountDecider, [placed]).when(update({})).thenRejects('debtor-update-empty'));

  it('refuses a closed account', () => given(accountDecider, [placed, closedAs('cancelled')]).when(update({ legalName: 'X' })).thenRejects('account-closed'));

  it("refuses another client's account as unknown", () => given(accountDecider, [placed]).when(update({ legalName: 'X' }, { role: 'client', id: 'client-2' })).thenRejects('account-unknown'));
});
