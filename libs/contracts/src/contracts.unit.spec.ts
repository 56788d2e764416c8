import { AccountPlaced, AccountPlacedV1, AuditRecord, ContractViolation, LegalStageChanged, LegalStageChangedV1, PaymentPosted, PaymentPostedV1, PaymentPostedV2, PaymentReversedV1, s, upcastMessage } from './index';

const placed = {
  accountId: 'a-1',
  clientId: 'c-1',
  clientReference: 'R-1',
  commercial: true,
  debtor: { kind: 'company', legalName: 'Acme', country: 'US' },
  invoices: [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 100, currency: 'USD' }],
  currency: 'USD',
  placedAmount: 100,
  commissionRateBp: 2_500,
  placedAt: '2026-06-01T09:00:00.000Z',
};

const problemsOf = (parse: () => unknown): string[] => {
  try {
    parse();
    return [];
  } catch (error) {
    if (error instanceof ContractViolation) return error.problems;
    throw error;
  }
};

describe('a contract declared once', () => {
  it('accepts a conforming payload as it is, with fields it does not know', () => {
    const value = { ...placed, debtor: { ...placed.debtor, region: 'NY' }, addedLater: 1 };
    expect(AccountPlacedV1.parse(value)).toBe(value);
  });

  it('names every problem, field by field, with the path into nested objects and arrays', () => {
    const bad = { ...placed, commercial: 'yes', debtor: { kind: 'company', country: 'US', region: 7 }, invoices: [{ ...placed.invoices[0], dueDate: '31/01/2026', currency: 'usd' }, 'x'], placedAmount: 1.5, placedAt: '2026-06-01' };
    expect(problemsOf(() => AccountPlacedV1.parse(bad))).toEqual([
      'commercial must be boolean',
      'debtor.legalName must be string',
      'debtor.region must be string',
      'invoices.0.dueDate must be date',
      'invoices.0.currency must be currency',
      'invoices.1 must be an object',
      'placedAmount must be int',
      'placedAt must be instant',
    ]);
    expect(problemsOf(() => AccountPlacedV1.parse(null))).toEqual(['value must be an object']);
    expect(() => AccountPlacedV1.parse({})).toThrow(/^AccountPlaced\.v1 violates its contract: accountId must be string; /);
  });

  it('lets an optional field be absent or null but not of another kind', () => {
    expect(problemsOf(() => AccountPlacedV1.parse({ ...placed, debtor: { ...placed.debtor, region: null } }))).toEqual([]);
    expect(problemsOf(() => LegalStageChangedV1.parse({ accountId: 'a', clientId: 'c', stage: 'sued', balance: 1, currency: 'USD', attorneyId: 3, changedAt: placed.placedAt }))).toEqual([
      'stage must be one of recommended, authorized, forwarded',
      'attorneyId must be string',
    ]);
  });

  it('holds PaymentPosted.v3 to its direct flag, plan stamp and clearing instant, each present and null or of its kind', () => {
    const posted = { ...PaymentPostedV2.upcast({ ...PaymentPostedV1.upcast({ accountId: 'a', clientId: 'c', paymentId: 'p', amount: 5, currency: 'USD', allocations: [], commission: 1, credit: 0, balanceAfter: 0, postedAt: placed.placedAt }) }) };
    const stamped = { ...posted, direct: true, plan: { planId: 'plan-1', agreementVersion: 2, tierId: 'nsf' }, clearsAt: placed.placedAt };
    expect(PaymentPosted.parse(stamped)).toBe(stamped);
    expect(problemsOf(() => PaymentPosted.parse({ ...stamped, direct: 'yes', plan: { planId: 'plan-1', agreementVersion: '2' }, clearsAt: '2026-06-01' }))).toEqual([
      'direct must be boolean',
      'plan.agreementVersion must be int',
      'plan.tierId must be string',
      'clearsAt must be instant',
    ]);
    const { plan: _plan, ...withoutPlan } = stamped;
    expect(problemsOf(() => PaymentPosted.parse(withoutPlan))).toEqual(['plan must be an object']);
  });

  it('requires a nullable field to be present, null or of its kind', () => {
    const posted = { ...PaymentPostedV1.upcast({ accountId: 'a', clientId: 'c', paymentId: 'p', amount: 5, currency: 'USD', allocations: [], commission: 1, credit: 0, balanceAfter: 0, postedAt: placed.placedAt }) };
    expect(PaymentPostedV2.parse(posted)).toBe(posted);
    const { method: _m, ...withoutMethod } = posted;
    expect(problemsOf(() => PaymentPostedV2.parse({ ...withoutMethod, commissionRateBp: '25%' }))).toEqual([
      'method must be one of ach, card, check, wire, cash, attorney',
      'commissionRateBp must be int',
    ]);
  });

  it("checks an audit record's data only for being an object", () => {
    const record = { service: 's', streamId: 'x', version: 0, type: 'T', data: { anything: [1] }, metadata: { eventId: 'e', principal: { role: 'r', id: 'i' }, correlationId: 'c', causationId: 'c', occurredAt: placed.placedAt, previousHash: 'p', hash: 'h' } };
    expect(AuditRecord.parse(record)).toBe(record);
    expect(problemsOf(() => AuditRecord.parse({ ...record, data: [] }))).toEqual(['data must be an object']);
  });

  it('emits the JSON Schema of its declaration: required fields, optional ones not', () => {
    const schema = s.object({ id: s.string(), note: s.optional(s.string()), at: s.instant(), tags: s.array(s.enum(['a', 'b'])), rate: s.nullable(s.int()) }).toJsonSchema();
    expect(schema).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string' },
        note: { type: 'string' },
        at: { type: 'string', format: 'date-time' },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
        rate: { oneOf: [{ type: 'integer' }, { type: 'null' }] },
      },
      required: ['id', 'at', 'tags', 'rate'],
    });
  });
});

describe('upcasting a received message', () => {
  const v1 = { accountId: 'a', clientId: 'c', paymentId: 'p', amount: 5, currency: 'USD', allocations: [{ invoiceNumber: 'I', amount: 5 }], commission: 1, credit: 0, balanceAfter: 0, postedAt: placed.placedAt };

  it('brings PaymentPosted.v1 through v2 to v3 with what each older version does not carry as null, "not known"', () => {
    expect(upcastMessage('PaymentPosted.v1', v1)).toEqual({ type: 'PaymentPosted.v3', value: { ...v1, method: null, commissionRateBp: null, direct: null, plan: null, clearsAt: null } });
    const v2 = { ...v1, method: 'check', commissionRateBp: 2_500 };
    expect(upcastMessage('PaymentPosted.v2', v2)).toEqual({ type: 'PaymentPosted.v3', value: { ...v2, direct: null, plan: null, clearsAt: null } });
    expect(upcastMessage('PaymentPosted.v2', { ...v2, preCollection: true }).value).toMatchObject({ preCollection: true, direct: null });
    const reversed = { accountId: 'a', clientId: 'c', paymentId: 'p', amount: 5, currency: 'USD', commission: 1, reason: 'nsf', balanceAfter: 5, reversedAt: placed.placedAt };
    expect(upcastMessage(PaymentReversedV1.type, reversed)).toEqual({ type: 'PaymentReversed.v2', value: { ...reversed, allocations: null, credit: null } });
  });

  it('brings LegalStageChanged.v1 to v2 unchanged: its three stages mean the same in v2, and it carries no milestone details', () => {
    const v1Stage = { accountId: 'a', clientId: 'c', stage: 'forwarded', balance: 750_050, currency: 'USD', attorneyId: 'att-1', changedAt: placed.placedAt };
    const upcast = upcastMessage('LegalStageChanged.v1', v1Stage);
    expect(upcast).toEqual({ type: 'LegalStageChanged.v2', value: v1Stage });
    expect(LegalStageChanged.parse(upcast.value)).toBe(upcast.value);
    expect(problemsOf(() => LegalStageChanged.parse({ ...v1Stage, stage: 'collected', collection: { paymentId: 'p', amount: '5' } }))).toEqual(['collection.amount must be int']);
    expect(problemsOf(() => LegalStageChangedV1.parse({ ...v1Stage, stage: 'suit-filed' }))).toEqual(['stage must be one of recommended, authorized, forwarded']);
  });

  it('validates the old version before upcasting it, and leaves current and unknown types alone', () => {
    expect(() => upcastMessage('PaymentPosted.v1', { ...v1, amount: '5' })).toThrow(/PaymentPosted\.v1 violates its contract: amount must be int/);
    expect(() => upcastMessage('PaymentPosted.v2', { ...v1, method: 'barter', commissionRateBp: 1 })).toThrow(/PaymentPosted\.v2 violates its contract: method must be one of/);
    const current = { anything: true };
    expect(upcastMessage('PaymentPosted.v3', current)).toEqual({ type: 'PaymentPosted.v3', value: current });
    expect(upcastMessage('Unheard.v9', current)).toEqual({ type: 'Unheard.v9', value: current });
  });

  it('brings AccountPlaced.v1 to v2: a standard account, its principal its only bucket, no tax id, no addresses or contacts', () => {
    const upcast = upcastMessage('AccountPlaced.v1', { ...placed, debtor: { ...placed.debtor, region: 'NY' } });
    expect(upcast).toEqual({
      type: 'AccountPlaced.v2',
      value: {
        ...placed,
        category: 'standard',
        debtor: { kind: 'company', legalName: 'Acme', country: 'US', region: 'NY', taxId: null, addresses: [], phones: [], emails: [] },
        buckets: { principal: 100, interest: 0, fees: 0, costs: 0 },
      },
    });
    expect(AccountPlaced.parse(upcast.value)).toBe(upcast.value);
    expect(() => upcastMessage('AccountPlaced.v1', { ...placed, placedAmount: '100' })).toThrow(/AccountPlaced\.v1 violates its contract: placedAmount must be int/);
  });

  it('holds AccountPlaced.v2 to its category, buckets and contact flags', () => {
    const v2 = AccountPlacedV1.upcast(placed);
    const bad = { ...v2, category: 'bulk', debtor: { ...v2.debtor, phones: [{ number: '+12125550100', consent: 'yes' }] }, buckets: { ...v2.buckets, fees: 1.5 } };
    expect(problemsOf(() => AccountPlaced.parse(bad))).toEqual([
      'debtor.phones.0.consent must be boolean',
      'debtor.phones.0.doNotContact must be boolean',
      'category must be one of standard, nsf-cheque, out-of-business, second-placement, foreign',
      'buckets.fees must be int',
    ]);
  });

  it('takes AccountPlaced.v2 with or without a claim type, and only one of the four', () => {
    const v2 = AccountPlacedV1.upcast(placed);
    expect(AccountPlaced.parse(v2)).toBe(v2);
    const promissory = { ...v2, claimType: 'promissory-note' };
    expect(AccountPlaced.parse(promissory)).toBe(promissory);
    expect(problemsOf(() => AccountPlaced.parse({ ...v2, claimType: 'tort' }))).toEqual(['claimType must be one of written-contract, open-account, sale-of-goods, promissory-note']);
  });
});
