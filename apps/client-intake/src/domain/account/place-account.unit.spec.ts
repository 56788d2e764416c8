import { given } from '@lib/es-core/testing/given-when-then';
import type { PlaceAccount } from './account.commands';
import { accountDecider } from './account.decider';
import type { AccountPlaced } from './account.events';
import { placementProblems } from './place-account.decide';

describe('placing an account', () => {
  it('acknowledges a valid placement at the young-account rate when placed within 365 days', () => {
    given(accountDecider).when(placement()).then([placed({ commissionRateBp: 2_500 })]);
  });

  it('charges the aged-account rate when the oldest invoice fell due 365 days or more before placement', () => {
    const aged = placement({ now: new Date('2027-03-01T00:00:00.000Z') });
    const { decision } = given(accountDecider).when(aged);
    expect(decision).toMatchObject([{ data: { commissionRateBp: 3_300 } }]);
  });

  it('refuses a second placement of the same client reference', () => {
    given(accountDecider, [placed()]).when(placement()).thenRejects('client-reference-unique');
  });

  it('lists every contradiction in the invoices at once', () => {
    const bad = placement({
      invoices: [
        { number: 'A', issueDate: '2026-02-10', dueDate: '2026-02-01', originalAmount: 100, currency: 'USD' },
        { number: 'A', issueDate: '2026-09-01', dueDate: '2026-10-01', originalAmount: 100, currency: 'EUR' },
      ],
    });
    const { decision } = given(accountDecider).when(bad);
    expect(decision).toMatchObject({
      rule: 'placement-invalid',
      details: {
        problems: [
          { field: 'invoices', reason: 'all invoices must share one currency, got USD, EUR' },
          { field: 'invoices.0.dueDate', reason: 'must not be before issueDate' },
          { field: 'invoices.1.number', reason: 'duplicate invoice number A' },
          { field: 'invoices.1.issueDate', reason: 'must not be in the future' },
        ],
      },
    });
  });

  it('refuses a placement whose invoices total more than the largest safe integer', () => {
    const tooMuch = placement({
      invoices: [
        { number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: Number.MAX_SAFE_INTEGER, currency: 'USD' },
        { number: 'INV-2', issueDate: '2026-02-01', dueDate: '2026-03-03', originalAmount: 1, currency: 'USD' },
      ],
    });
    const { decision } = given(accountDecider).when(tooMuch);
    expect(decision).toMatchObject({
      rule: 'placement-invalid',
      details: { problems: [{ field: 'invoices', reason: 'the invoices total more than 9007199254740991 minor units' }] },
    });
  });

  it('judges the contradictions only on the fields an invoice has, so a partly refused request can be checked too', () => {
    const problems = placementProblems({
      invoices: [{ number: 'A', currency: 'USD' }, { number: 'A' }, { issueDate: '2026-02-10', dueDate: '2026-02-01', originalAmount: 100 }, {}],
      now: new Date('2026-06-01T00:00:00.000Z'),
    });
    expect(problems).toEqual([
      { field: 'invoices.1.number', reason: 'duplicate invoice number A' },
      { field: 'invoices.2.dueDate', reason: 'must not be before issueDate' },
    ]);
  });
});

function placement(overrides: Partial<PlaceAccount> = {}): PlaceAccount {
  return {
    type: 'PlaceAccount',
    accountId: 'acc-1',
    clientId: 'client-1',
    clientReference: 'REF-1',
    commercial: true,
    debtor: { kind: 'company', legalName: 'Acme Ltd', country: 'US', region: 'NY' },
    invoices: [
      { number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 300_000, currency: 'USD' },
      { number: 'INV-2', issueDate: '2026-02-01', dueDate: '2026-03-03', originalAmount: 450_050, currency: 'USD' },
    ],
    now: new Date('2026-06-01T00:00:00.000Z'),
    ...overrides,
  };
}

function placed(overrides: Partial<AccountPlaced['data']> = {}): AccountPlaced {
  const command = placement();
  return {
    type: 'AccountPlaced',
    data: {
      accountId: command.accountId,
      clientId: command.clientId,
      clientReference: command.clientReference,
      commercial: true,
      debtor: command.debtor,
      invoices: command.invoices,
      currency: 'USD',
      placedAmount: 750_050,
      placedAt: '2026-06-01T00:00:00.000Z',
      commissionRateBp: 2_500,
      ...overrides,
    },
  };
}
