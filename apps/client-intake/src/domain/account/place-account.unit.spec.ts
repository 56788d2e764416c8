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
          { field: 'invoices.1.dueDate', rule: 'invoice-not-yet-due', reason: 'invoice A is not yet due: it falls due 2026-10-01, after the placement date 2026-06-01' },
          { field: 'invoices.1.issueDate', reason: 'must not be in the future' },
        ],
      },
    });
  });

  it('refuses every invoice not yet due, naming the rule and the invoice, and accepts one falling due on the placement day', () => {
    const early = placement({
      invoices: [
        { number: 'INV-1', issueDate: '2026-05-01', dueDate: '2026-06-01', originalAmount: 100, currency: 'USD' },
        { number: 'INV-2', issueDate: '2026-05-01', dueDate: '2026-06-02', originalAmount: 100, currency: 'USD' },
        { number: 'INV-3', issueDate: '2026-05-01', dueDate: '2026-07-15', originalAmount: 100, currency: 'USD' },
      ],
      now: new Date('2026-06-01T23:59:59.000Z'),
    });
    const { decision } = given(accountDecider).when(early);
    expect(decision).toMatchObject({
      rule: 'placement-invalid',
      details: {
        problems: [
          { field: 'invoices.1.dueDate', rule: 'invoice-not-yet-due', reason: 'invoice INV-2 is not yet due: it falls due 2026-06-02, after the placement date 2026-06-01' },
          { field: 'invoices.2.dueDate', rule: 'invoice-not-yet-due', reason: 'invoice INV-3 is not yet due: it falls due 2026-07-15, after the placement date 2026-06-01' },
        ],
      },
    });
  });

  it('carries the category and the balance buckets, the principal being the invoices\' sum', () => {
    const rich = placement({
      category: 'nsf-cheque',
      interest: 12_345,
      fees: 2_500,
      costs: 0,
      debtor: {
        kind: 'company',
        legalName: 'Acme Ltd',
        country: 'US',
        region: 'NY',
        taxId: '12-3456789',
        addresses: [{ lines: ['350 Fifth Avenue'], city: 'New York', region: 'NY', postalCode: '10118', country: 'US' }],
        phones: [{ number: '+12125550100', consent: true, doNotContact: false }],
        emails: [{ address: 'ap@acme.example', consent: false, doNotContact: true }],
      },
    });
    given(accountDecider)
      .when(rich)
      .then([placed({ category: 'nsf-cheque', buckets: { principal: 750_050, interest: 12_345, fees: 2_500, costs: 0 }, debtor: rich.debtor })]);
  });

  it('carries the claim type the client names, for the statute of limitations, and leaves it out when the client names none', () => {
    given(accountDecider).when(placement({ claimType: 'sale-of-goods' })).then([placed({ commissionRateBp: 2_500, claimType: 'sale-of-goods' })]);
    const { decision } = given(accountDecider).when(placement());
    expect(decision).toMatchObject([{ data: expect.not.objectContaining({ claimType: expect.anything() }) }]);
  });

  it('makes a placement that names no category standard, with no interest, fees or costs', () => {
    const { decision } = given(accountDecider).when(placement());
    expect(decision).toMatchObject([{ data: { category: 'standard', buckets: { principal: 750_050, interest: 0, fees: 0, costs: 0 } } }]);
  });

  it('refuses buckets that are not whole non-negative minor units', () => {
    const { decision } = given(accountDecider).when(placement({ interest: -1, fees: 2.5 }));
    expect(decision).toMatchObject({
      rule: 'placement-invalid',
      details: {
        problems: [
          { field: 'interest', reason: 'interest must be a whole number of minor units, 0 or more' },
          { field: 'fees', reason: 'fees must be a whole number of minor units, 0 or more' },
        ],
      },
    });
  });

  it('refuses a placement whose principal and buckets together pass the largest safe integer', () => {
    const { decision } = given(accountDecider).when(placement({ costs: Number.MAX_SAFE_INTEGER - 750_049 }));
    expect(decision).toMatchObject({
      rule: 'placement-invalid',
      details: { problems: [{ field: 'invoices', reason: 'the invoices, interest, fees and costs total more than 9007199254740991 minor units' }] },
    });
    expect(given(accountDecider).when(placement({ costs: Number.MAX_SAFE_INTEGER - 750_050 })).decision).toHaveLength(1);
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
      category: 'standard',
      buckets: { principal: 750_050, interest: 0, fees: 0, costs: 0 },
      ...overrides,
    },
  };
}
