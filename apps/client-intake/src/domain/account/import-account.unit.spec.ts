import { given } from '@lib/es-core/testing/given-when-then';
import { accountDecider } from './account.decider';
import { placed } from './account.fixtures';
import type { ImportAccount } from './import-account.commands';
import { importedPaymentId, importEffectiveAt, importProblems } from './import-account.decide';

const NOW = new Date('2026-06-01T10:00:00.000Z');

function anImport(overrides: Partial<ImportAccount> = {}): ImportAccount {
  return {
    type: 'ImportAccount',
    accountId: 'acc-1',
    clientId: 'client-1',
    clientReference: 'OLD-1',
    commercial: true,
    debtor: { kind: 'company', legalName: 'Acme Ltd', country: 'US' },
    // Due 2024-11-01: 180 days old at the original placement (2025-04-30), 577 days old at the import.
    invoices: [{ number: 'INV-1', issueDate: '2024-10-01', dueDate: '2024-11-01', originalAmount: 100_000, currency: 'USD' }],
    placedOn: '2025-04-30',
    payments: [
      { paidOn: '2025-06-15', amount: 20_000, method: 'check' },
      { paidOn: '2025-09-01', amount: 10_000, method: 'ach' },
    ],
    status: { state: 'open' },
    now: NOW,
    ...overrides,
  };
}

describe('importing an account from another system', () => {
  it('places it as of its original day, at the rate of its age then, and imports each earlier payment', () => {
    const { decision } = given(accountDecider).when(anImport());
    expect(decision).toEqual([
      expect.objectContaining({ type: 'AccountPlaced', data: expect.objectContaining({ placedAt: '2025-04-30T00:00:00.000Z', commissionRateBp: 2_500, placedAmount: 100_000 }) }),
      {
        type: 'EarlierPaymentImported',
        data: { accountId: 'acc-1', clientId: 'client-1', paymentId: importedPaymentId('acc-1', 0), amount: 20_000, currency: 'USD', method: 'check', paidOn: '2025-06-15', importedAt: NOW.toISOString() },
      },
      {
        type: 'EarlierPaymentImported',
        data: { accountId: 'acc-1', clientId: 'client-1', paymentId: importedPaymentId('acc-1', 1), amount: 10_000, currency: 'USD', method: 'ach', paidOn: '2025-09-01', importedAt: NOW.toISOString() },
      },
    ]);
  });

  it('charges the aged rate when the account was already 365 days old at its original placement, however young its import', () => {
    const { decision } = given(accountDecider).when(anImport({ placedOn: '2025-11-01', payments: [] }));
    expect(decision).toMatchObject([{ type: 'AccountPlaced', data: { commissionRateBp: 3_300, placedAt: '2025-11-01T00:00:00.000Z' } }]);
  });

  it('closes it with the code and day the status gives', () => {
    const { decision } = given(accountDecider).when(anImport({ status: { state: 'closed', closingCode: 'settled', closedOn: '2025-10-01' } }));
    expect(decision).toMatchObject([
      { type: 'AccountPlaced' },
      { type: 'EarlierPaymentImported' },
      { type: 'EarlierPaymentImported' },
      { type: 'AccountClosed', data: { closingCode: 'settled', closedAt: '2025-10-01T00:00:00.000Z', reason: 'migration import' } },
    ]);
  });

  it('refuses a reference already placed or imported', () => {
    given(accountDecider, [{ ...placed, data: { ...placed.data, clientReference: 'OLD-1' } }]).when(anImport()).thenRejects('client-reference-unique');
  });

  it('refuses an original placement day before an invoice fell due, as a placement that day would be', () => {
    const { decision } = given(accountDecider).when(anImport({ placedOn: '2024-10-15' }));
    expect(decision).toMatchObject({ rule: 'placement-invalid', details: { problems: [{ field: 'invoices.0.dueDate', rule: 'invoice-not-yet-due' }] } });
  });

  it('refuses an import whose dates or amounts contradict each other, listing every problem', () => {
    const { decision } = given(accountDecider).when(
      anImport({
        payments: [
          { paidOn: '2025-01-01', amount: 60_000, method: 'cash' },
          { paidOn: '2025-12-01', amount: 50_000, method: 'card' },
        ],
        status: { state: 'closed', closingCode: 'uncollectible', closedOn: '2025-11-01' },
      }),
    );
    expect(decision).toMatchObject({
      rule: 'import-invalid',
      details: {
        problems: [
          { field: 'payments.0.paidOn', reason: 'must be between the original placement day 2025-04-30 and today 2026-06-01' },
          { field: 'payments.1.paidOn', reason: 'after the account was closed on 2025-11-01' },
          { field: 'payments', rule: 'import-payments-within-principal', reason: 'the earlier payments total 110000, more than the 100000 placed' },
        ],
      },
    });
  });
});

describe('the rules of an import', () => {
  it('wants the original placement day before today and the closure between it and today', () => {
    expect(importProblems({ placedOn: '2026-06-01', payments: [], now: NOW })).toEqual([
      { field: 'placedOn', rule: 'import-placed-in-past', reason: 'the original placement day must be before today (2026-06-01)' },
    ]);
    expect(importProblems({ placedOn: '2025-01-01', payments: [], status: { state: 'closed', closedOn: '2026-06-02' }, now: NOW })).toEqual([
      { field: 'status.closedOn', reason: 'must be between the original placement day 2025-01-01 and today 2026-06-01' },
    ]);
    expect(importProblems({ placedOn: '2025-01-01', payments: [{ paidOn: '2026-06-01', amount: 1 }], principal: 1, now: NOW })).toEqual([]);
  });
});

describe('the business dates of an import', () => {
  const effectiveAt = importEffectiveAt({ placedOn: '2025-04-30', status: { state: 'closed', closingCode: 'settled', closedOn: '2025-10-01' } });

  it('dates the placement on its original day, each payment on its own day and the closure on its day', () => {
    expect(effectiveAt({ type: 'AccountPlaced', data: {} })).toEqual(new Date('2025-04-30T00:00:00.000Z'));
    expect(effectiveAt({ type: 'EarlierPaymentImported', data: { paidOn: '2025-06-15' } })).toEqual(new Date('2025-06-15T00:00:00.000Z'));
    expect(effectiveAt({ type: 'AccountClosed', data: {} })).toEqual(new Date('2025-10-01T00:00:00.000Z'));
  });
});
