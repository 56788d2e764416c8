import { INTAKE_ACCOUNTS } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { TestClock } from '@lib/clock';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { ClientIntakeModule } from './client-intake.module';

const WAIT = { timeoutMs: 5_000 };

describe('changes to a placed account over HTTP: invoices added, balance adjusted, debtor updated (PGlite event store, in-process bus)', () => {
  let store: PgliteEventStore;
  let http: HttpClient;
  let clock: TestClock;
  let published: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({ name: 'client-intake', clockStart: '2026-06-01T09:00:00.000Z', module: (deps) => ClientIntakeModule.register(deps), listenTo: [INTAKE_ACCOUNTS] });
    ({ store, http, clock, close } = sut);
    published = sut.received(INTAKE_ACCOUNTS);
  });
  afterAll(() => close());

  async function client(name: string) {
    const { clientId } = (await http.post('/clients').set('authorization', staff('admin')).send({ name }).expect(201)).body;
    const { apiKey } = (await http.post(`/clients/${clientId}/api-keys`).set('authorization', staff('admin')).expect(201)).body;
    return { clientId: clientId as string, apiKey: apiKey as string };
  }

  async function place(apiKey: string, reference: string, invoiceNumber = 'INV-1', taxId = '12-3456789') {
    const body = {
      clientReference: reference,
      commercial: true,
      debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY', taxId, phone: '+12125550100', phones: [{ number: '+12125550111', consent: true, doNotContact: false }] },
      invoices: [{ number: invoiceNumber, issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 500_000, currency: 'USD' }],
    };
    return (await http.post('/placements').set('x-api-key', apiKey).send(body).expect(201)).body.accountId as string;
  }

  const eventTypes = async (accountId: string) => (await store.readStream(`account-${accountId}`)).map((e) => e.type);
  const publishedOf = (accountId: string, type: string) => published.filter((m) => m.key === accountId && m.headers['message-type'] === type);
  const invoice = (overrides: object = {}) => ({ number: 'INV-2', issueDate: '2026-02-01', dueDate: '2026-03-01', originalAmount: 120_000, currency: 'USD', ...overrides });

  it('adds an invoice for the client, publishes it, and shows it on the account', async () => {
    const { clientId, apiKey } = await client('Adds');
    const accountId = await place(apiKey, 'ADD-1');
    const added = await http.post(`/accounts/${accountId}/invoices`).set('x-api-key', apiKey).send(invoice()).expect(201);
    expect(added.body).toEqual({ accountId, invoiceNumber: 'INV-2', balance: 620_000 });
    await waitFor('the invoice published', () => publishedOf(accountId, 'InvoiceAdded.v1').length === 1, WAIT);
    expect(publishedOf(accountId, 'InvoiceAdded.v1')[0].value).toEqual({ accountId, clientId, invoice: invoice(), addedBy: 'client', addedAt: clock.now().toISOString() });
    const account = (await http.get(`/accounts/${accountId}`).set('x-api-key', apiKey).expect(200)).body;
    expect(account.invoices.map((i: { number: string }) => i.number)).toEqual(['INV-1', 'INV-2']);
    // A supervisor adds one for the client too.
    await http.post(`/accounts/${accountId}/invoices`).set('authorization', staff('supervisor')).send(invoice({ number: 'INV-3' })).expect(201);
  });

  it('refuses an invoice not yet due and lists every problem in one 400, writing nothing', async () => {
    const { apiKey } = await client('Early');
    const accountId = await place(apiKey, 'EARLY-1');
    const refused = await http.post(`/accounts/${accountId}/invoices`).set('x-api-key', apiKey).send(invoice({ number: 'INV-1', dueDate: '2026-07-01', currency: 'EUR', originalAmount: 0 })).expect(400);
    expect(refused.body.problems.map((p: { field: string; rule?: string }) => p.rule ?? p.field).sort()).toEqual(['currency-mismatch', 'invoice-already-on-account', 'invoice-not-yet-due', 'originalAmount']);
    expect(await eventTypes(accountId)).toEqual(['AccountPlaced']);
  });

  it("refuses an invoice number already placed for the same tax id on another of the client's accounts, naming it", async () => {
    const { apiKey } = await client('Dupes');
    const first = await place(apiKey, 'DUP-1', 'INV-1');
    const second = await place(apiKey, 'DUP-2', 'INV-9');
    const refused = await http.post(`/accounts/${second}/invoices`).set('x-api-key', apiKey).send(invoice({ number: 'INV-1' })).expect(409);
    expect(refused.body).toMatchObject({ rule: 'placement-likely-duplicate', existingAccountId: first });
    expect(await eventTypes(second)).toEqual(['AccountPlaced']);
    // The number it added is now claimed: a placement of it for the same debtor is the duplicate.
    await http.post(`/accounts/${second}/invoices`).set('x-api-key', apiKey).send(invoice({ number: 'INV-10' })).expect(201);
    const placement = { clientReference: 'DUP-3', commercial: true, debtor: { kind: 'company', legalName: 'Acme', country: 'US', taxId: '12 3456789' }, invoices: [invoice({ number: 'INV-10' })] };
    expect((await http.post('/placements').set('x-api-key', apiKey).send(placement).expect(409)).body).toMatchObject({ existingAccountId: second });
  });

  it('adjusts the balance down and up with a reason, never below what was paid, and publishes each', async () => {
    const { clientId, apiKey } = await client('Adjusts');
    const accountId = await place(apiKey, 'ADJ-1');
    const down = await http.post(`/accounts/${accountId}/balance-adjustments`).set('x-api-key', apiKey).send({ amount: -100_000, currency: 'USD', reason: 'credit note CN-17' }).expect(201);
    expect(down.body).toEqual({ accountId, adjustmentId: expect.any(String), balance: 400_000 });
    await http.post(`/accounts/${accountId}/balance-adjustments`).set('authorization', staff('accountant')).send({ amount: 2_500, currency: 'USD', reason: 'late fee per contract' }).expect(201);
    const below = await http.post(`/accounts/${accountId}/balance-adjustments`).set('x-api-key', apiKey).send({ amount: -402_501, currency: 'USD', reason: 'write off' }).expect(409);
    expect(below.body).toMatchObject({ rule: 'adjustment-below-paid', balance: 402_500 });
    await http.post(`/accounts/${accountId}/balance-adjustments`).set('x-api-key', apiKey).send({ amount: 0, currency: 'USD', reason: 'x' }).expect(400);
    await http.post(`/accounts/${accountId}/balance-adjustments`).set('x-api-key', apiKey).send({ amount: -1, currency: 'USD' }).expect(400);
    expect((await http.post(`/accounts/${accountId}/balance-adjustments`).set('x-api-key', apiKey).send({ amount: -1, currency: 'EUR', reason: 'x' }).expect(422)).body.rule).toBe('currency-mismatch');
    await waitFor('both adjustments published', () => publishedOf(accountId, 'BalanceAdjusted.v1').length === 2, WAIT);
    expect(publishedOf(accountId, 'BalanceAdjusted.v1').map((m) => m.value)).toEqual([
      { accountId, clientId, adjustmentId: down.body.adjustmentId, amount: -100_000, currency: 'USD', reason: 'credit note CN-17', adjustedBy: 'client', adjustedAt: clock.now().toISOString() },
      expect.objectContaining({ amount: 2_500, adjustedBy: 'accountant', reason: 'late fee per contract' }),
    ]);
  });

  it('updates the debtor, publishes the whole debtor after it, and records nothing for an update that changes nothing', async () => {
    const { clientId, apiKey } = await client('Updates');
    const accountId = await place(apiKey, 'UPD-1');
    const phones = [{ number: '+12125550111', consent: true, doNotContact: true }];
    const update = { legalName: 'Acme Widgets Holdings LLC', phones, emails: [{ address: 'ap@acme.example', consent: true, doNotContact: false }] };
    const answer = await http.patch(`/accounts/${accountId}/debtor`).set('authorization', staff('collector')).send(update).expect(200);
    expect(answer.body).toMatchObject({ accountId, changed: ['legalName', 'phones', 'emails'], debtor: { legalName: 'Acme Widgets Holdings LLC', phones } });
    expect(answer.body.debtor).not.toHaveProperty('phone');
    await waitFor('the update published', () => publishedOf(accountId, 'DebtorUpdated.v1').length === 1, WAIT);
    expect(publishedOf(accountId, 'DebtorUpdated.v1')[0].value).toEqual({
      accountId,
      clientId,
      debtor: { kind: 'company', legalName: 'Acme Widgets Holdings LLC', country: 'US', region: 'NY', taxId: '12-3456789', addresses: [], phones, emails: update.emails },
      changed: ['legalName', 'phones', 'emails'],
      updatedBy: 'collector',
      updatedAt: clock.now().toISOString(),
    });
    expect((await http.patch(`/accounts/${accountId}/debtor`).set('x-api-key', apiKey).send({ legalName: 'Acme Widgets Holdings LLC' }).expect(200)).body.changed).toEqual([]);
    expect((await http.patch(`/accounts/${accountId}/debtor`).set('x-api-key', apiKey).send({}).expect(422)).body.rule).toBe('debtor-update-empty');
    await http.patch(`/accounts/${accountId}/debtor`).set('x-api-key', apiKey).send({ phones: [{ number: '+1', consent: 'yes' }] }).expect(400);
    expect(await eventTypes(accountId)).toEqual(['AccountPlaced', 'DebtorUpdated']);
  });

  it("moves the account's invoices to the register of a new tax id, refusing a duplicate there", async () => {
    const { apiKey } = await client('TaxIds');
    const other = await place(apiKey, 'TAX-1', 'INV-1', '99-0000001');
    const accountId = await place(apiKey, 'TAX-2', 'INV-1', '12-3456789');
    const refused = await http.patch(`/accounts/${accountId}/debtor`).set('x-api-key', apiKey).send({ taxId: '99-0000001' }).expect(409);
    expect(refused.body).toMatchObject({ rule: 'placement-likely-duplicate', existingAccountId: other });
    await http.patch(`/accounts/${accountId}/debtor`).set('x-api-key', apiKey).send({ taxId: '55-5555555' }).expect(200);
    // The old tax id's register gave the invoice back; the new one holds it.
    await place(apiKey, 'TAX-3', 'INV-1', '12-3456789');
    const duplicate = { clientReference: 'TAX-4', commercial: true, debtor: { kind: 'company', legalName: 'Acme', country: 'US', taxId: '55-5555555' }, invoices: [invoice({ number: 'INV-1' })] };
    expect((await http.post('/placements').set('x-api-key', apiKey).send(duplicate).expect(409)).body).toMatchObject({ existingAccountId: accountId });
  });

  it("refuses every change on a closed account and on another client's account", async () => {
    const { apiKey } = await client('Closed');
    const intruder = await client('Intruder');
    const accountId = await place(apiKey, 'CLOSED-1');
    await http.post(`/accounts/${accountId}/invoices`).set('x-api-key', intruder.apiKey).send(invoice()).expect(404);
    await http.patch(`/accounts/${accountId}/debtor`).set('x-api-key', intruder.apiKey).send({ legalName: 'X' }).expect(404);
    await http.post(`/accounts/${accountId}/recall`).set('x-api-key', apiKey).send({}).expect(200);
    expect((await http.post(`/accounts/${accountId}/invoices`).set('x-api-key', apiKey).send(invoice()).expect(409)).body.rule).toBe('account-closed');
    expect((await http.post(`/accounts/${accountId}/balance-adjustments`).set('x-api-key', apiKey).send({ amount: -1, currency: 'USD', reason: 'x' }).expect(409)).body.rule).toBe('account-closed');
    expect((await http.patch(`/accounts/${accountId}/debtor`).set('x-api-key', apiKey).send({ legalName: 'X' }).expect(409)).body.rule).toBe('account-closed');
    await http.post(`/accounts/${accountId}/balance-adjustments`).set('authorization', staff('collector')).send({ amount: -1, currency: 'USD', reason: 'x' }).expect(403);
  });
});
