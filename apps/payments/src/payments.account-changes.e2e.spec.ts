import { randomUUID } from 'node:crypto';
import { AccountPlaced, AccountPlacedV2, AUDIT_EVENTS, BalanceAdjusted, BalanceAdjustedV1, Contract, InvoiceAdded, OpenBalanceChanged, PAYMENTS_LEDGER } from '@lib/contracts';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { PaymentsModule } from './payments.module';

const WAIT = { timeoutMs: 5_000 };

describe("payments hears the client's changes to a placed account (PGlite event store, in-process bus)", () => {
  let bus: MessageBus;
  let http: HttpClient;
  let published: IncomingMessage[];
  let audit: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({ name: 'payments', clockStart: '2026-06-01T09:00:00.000Z', module: (deps) => PaymentsModule.register(deps), listenTo: [PAYMENTS_LEDGER, AUDIT_EVENTS] });
    ({ bus, http, close } = sut);
    published = sut.received(PAYMENTS_LEDGER);
    audit = sut.received(AUDIT_EVENTS);
  });
  afterAll(() => close());

  async function publish<Data>(contract: Contract<Data>, key: string, value: Data, messageId: string = randomUUID()): Promise<void> {
    const headers = { 'message-type': contract.type, 'message-id': messageId, 'correlation-id': 'c', 'causation-id': 'c', 'source-stream': `account-${key}`, 'source-version': '0' };
    await bus.publish([{ topic: contract.topic, key, value, headers }]);
  }
  const storedOf = (accountId: string, type: string) => audit.filter((m) => m.key === `ledger-${accountId}` && (m.value as { type: string }).type === type);
  const waitForStored = (accountId: string, type: string, count = 1) => waitFor(`${count} ${type} in ledger-${accountId}`, () => storedOf(accountId, type).length >= count, WAIT);
  const publishedOf = (accountId: string, type: string) => published.filter((m) => m.key === accountId && m.headers['message-type'] === type);
  const ledger = async (accountId: string) => (await http.get(`/ledgers/${accountId}`).set('authorization', staff('accountant')).expect(200)).body;

  async function placeAccount(): Promise<string> {
    const accountId = randomUUID();
    const placed: AccountPlacedV2 = {
      accountId,
      clientId: 'client-1',
      clientReference: `REF-${accountId.slice(0, 8)}`,
      commercial: true,
      category: 'standard',
      debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', taxId: null, addresses: [], phones: [], emails: [] },
      invoices: [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 300_000, currency: 'USD' }],
      currency: 'USD',
      placedAmount: 300_000,
      buckets: { principal: 300_000, interest: 0, fees: 0, costs: 0 },
      commissionRateBp: 2_500,
      placedAt: '2026-06-01T08:00:00.000Z',
    };
    await publish(AccountPlaced, accountId, placed);
    await waitForStored(accountId, 'LedgerOpened');
    return accountId;
  }
  const adjustment = (accountId: string, adjustmentId: string, amount: number): BalanceAdjustedV1 => ({
    accountId, clientId: 'client-1', adjustmentId, amount, currency: 'USD', reason: 'credit note CN-17', adjustedBy: 'client', adjustedAt: '2026-06-01T08:30:00.000Z',
  });

  it('opens an added invoice as a new open item, which payments reach oldest first, and publishes the balance after it', async () => {
    const accountId = await placeAccount();
    const invoice = { number: 'INV-0', issueDate: '2025-12-01', dueDate: '2025-12-31', originalAmount: 50_000, currency: 'USD' };
    const added = { accountId, clientId: 'client-1', invoice, addedBy: 'client', addedAt: '2026-06-01T08:30:00.000Z' };
    await publish(InvoiceAdded, accountId, added);
    await publish(InvoiceAdded, accountId, added);
    await waitFor('the change published', () => publishedOf(accountId, OpenBalanceChanged.type).length === 1, WAIT);
    expect(publishedOf(accountId, OpenBalanceChanged.type)[0].value).toMatchObject({ cause: 'invoice-added', causeId: 'INV-0', amount: 50_000, balanceAfter: 350_000, reason: null });
    expect((await ledger(accountId)).invoices).toEqual([
      { number: 'INV-0', dueDate: '2025-12-31', amount: 50_000, open: 50_000 },
      { number: 'INV-1', dueDate: '2026-01-31', amount: 300_000, open: 300_000 },
    ]);
    const payment = await http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount: 60_000, currency: 'USD', method: 'ach' }).expect(201);
    expect(payment.body.allocations).toEqual([{ invoiceNumber: 'INV-0', amount: 50_000 }, { invoiceNumber: 'INV-1', amount: 10_000 }]);
    expect(storedOf(accountId, 'LedgerInvoiceAdded')).toHaveLength(1);
  });

  it('changes the open balance by an adjustment with its reason, once, leaving the commission alone; down to zero is paid in full', async () => {
    const accountId = await placeAccount();
    await http.post('/payments').set('authorization', staff('collector')).send({ accountId, amount: 100_000, currency: 'USD', method: 'ach' }).expect(201);
    await publish(BalanceAdjusted, accountId, adjustment(accountId, 'adj-up', 5_000));
    await publish(BalanceAdjusted, accountId, adjustment(accountId, 'adj-down', -25_000));
    await publish(BalanceAdjusted, accountId, adjustment(accountId, 'adj-down', -25_000));
    await waitFor('both changes published', () => publishedOf(accountId, OpenBalanceChanged.type).length === 2, WAIT);
    expect(publishedOf(accountId, OpenBalanceChanged.type).map((m) => m.value)).toEqual([
      expect.objectContaining({ cause: 'balance-adjusted', causeId: 'adj-up', amount: 5_000, reason: 'credit note CN-17', balanceAfter: 205_000 }),
      expect.objectContaining({ cause: 'balance-adjusted', causeId: 'adj-down', amount: -25_000, balanceAfter: 180_000 }),
    ]);
    expect(await ledger(accountId)).toMatchObject({ balance: 180_000, commissionTotal: 25_000 });

    await publish(BalanceAdjusted, accountId, adjustment(accountId, 'adj-rest', -180_000));
    await waitFor('paid in full announced', () => publishedOf(accountId, 'AccountPaidInFull.v1').length === 1, WAIT);
    expect(await ledger(accountId)).toMatchObject({ balance: 0, commissionTotal: 25_000 });
  });
});
