import { randomUUID } from 'node:crypto';
import { Contract, DisputeOpened, DisputeResolved, PaymentPlanAgreed, PaymentPlanDefaulted } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { MessageBus } from '@lib/message-bus';
import { TestClock } from '@lib/clock';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { ClientIntakeModule } from './client-intake.module';
import { agreementRequest } from './domain/client/client.fixtures';

describe('disputes and payment plans debtor contact reports hold the recall (PGlite event store, in-process bus)', () => {
  let store: PgliteEventStore;
  let http: HttpClient;
  let bus: MessageBus;
  let clock: TestClock;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, http, bus, clock, close } = await startServiceUnderTest({ name: 'client-intake', clockStart: '2026-06-01T09:00:00.000Z', module: (deps) => ClientIntakeModule.register(deps) }));
  });
  afterAll(() => close());

  async function clientWithAccount(name: string) {
    const { clientId } = (await http.post('/clients').set('authorization', staff('admin')).send({ name }).expect(201)).body;
    const { apiKey } = (await http.post(`/clients/${clientId}/api-keys`).set('authorization', staff('admin')).expect(201)).body;
    await http.post(`/clients/${clientId}/agreements`).set('authorization', staff('admin')).send(agreementRequest()).expect(201);
    const body = {
      clientReference: `${name}-1`,
      commercial: true,
      debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY' },
      invoices: [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 750_050, currency: 'USD' }],
    };
    const { accountId } = (await http.post('/placements').set('x-api-key', apiKey).send(body).expect(201)).body;
    return { clientId: clientId as string, apiKey: apiKey as string, accountId: accountId as string };
  }

  async function publish<Data>(contract: Contract<Data>, accountId: string, value: Data): Promise<void> {
    const id = randomUUID();
    await bus.publish([{ topic: contract.topic, key: accountId, value, headers: { 'message-type': contract.type, 'message-id': id, 'correlation-id': `corr-${accountId}`, 'causation-id': id } }]);
  }
  const eventTypes = async (accountId: string) => (await store.readStream(`account-${accountId}`)).map((e) => e.type);
  /** Polls the account's stream until it holds `count` events of `type`: the consumer runs in the background. */
  async function noted(accountId: string, type: string, count = 1): Promise<void> {
    const countOf = async () => (await eventTypes(accountId)).filter((t) => t === type).length;
    for (let attempt = 0; attempt < 100 && (await countOf()) < count; attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await countOf()).toBe(count);
  }

  const opened = (accountId: string, clientId: string, disputeId: string) => ({
    accountId, clientId, disputeId, openedBy: 'debtor' as const, invoices: [{ invoiceNumber: 'INV-1', amount: 100_000 }], amount: 100_000, currency: 'USD', reason: 'goods returned', openedAt: clock.now().toISOString(),
  });
  const resolved = (accountId: string, clientId: string, disputeId: string, outcome: 'upheld' | 'rejected') => ({
    accountId, clientId, disputeId, outcome, amount: outcome === 'upheld' ? 100_000 : 0, currency: 'USD', evidence: 'signed delivery note', resolvedAt: clock.now().toISOString(),
  });

  it('refuses a client\'s recall with recall-dispute-open while a dispute is open, and lets it through once it is resolved', async () => {
    const { clientId, apiKey, accountId } = await clientWithAccount('Disputed');
    await publish(DisputeOpened, accountId, opened(accountId, clientId, 'dsp-1'));
    await noted(accountId, 'DisputeNoted');

    const refused = await http.post(`/accounts/${accountId}/recall`).set('x-api-key', apiKey).send({}).expect(409);
    expect(refused.body).toMatchObject({ rule: 'recall-dispute-open', refusals: ['recall-dispute-open'] });

    await publish(DisputeResolved, accountId, resolved(accountId, clientId, 'dsp-1', 'rejected'));
    await noted(accountId, 'DisputeCleared');
    await http.post(`/accounts/${accountId}/recall`).set('x-api-key', apiKey).send({}).expect(200);
  });

  it('an upheld dispute is cleared and still comes off the balance (both effects of the one message)', async () => {
    const { clientId, apiKey, accountId } = await clientWithAccount('Upheld');
    await publish(DisputeOpened, accountId, opened(accountId, clientId, 'dsp-1'));
    await publish(DisputeOpened, accountId, opened(accountId, clientId, 'dsp-2'));
    await noted(accountId, 'DisputeNoted', 2);
    await publish(DisputeResolved, accountId, resolved(accountId, clientId, 'dsp-1', 'upheld'));
    await noted(accountId, 'DisputeCleared');
    await noted(accountId, 'BalanceAdjusted');
    expect(await eventTypes(accountId)).toEqual(['AccountPlaced', 'DisputeNoted', 'DisputeNoted', 'DisputeCleared', 'BalanceAdjusted']);

    const stillOpen = await http.post(`/accounts/${accountId}/recall`).set('x-api-key', apiKey).send({}).expect(409);
    expect(stillOpen.body.rule).toBe('recall-dispute-open');
  });

  it('refuses a client\'s recall with recall-plan-active while a plan runs, and lets it through once the plan defaulted', async () => {
    const { clientId, apiKey, accountId } = await clientWithAccount('Planned');
    const agreedAt = clock.now().toISOString();
    await publish(PaymentPlanAgreed, accountId, {
      accountId, clientId, planId: 'plan-1', currency: 'USD', frequency: 'monthly', installments: [{ number: 1, dueDate: '2026-07-01', amount: 375_025 }, { number: 2, dueDate: '2026-08-01', amount: 375_025 }],
      total: 750_050, graceDays: 5, missedInstallmentsToDefault: 2, agreedBy: 'collector-1', agreedAt,
    });
    await noted(accountId, 'PlanNoted');

    const refused = await http.post(`/accounts/${accountId}/recall`).set('x-api-key', apiKey).send({}).expect(409);
    expect(refused.body).toMatchObject({ rule: 'recall-plan-active', refusals: ['recall-plan-active'] });

    await publish(PaymentPlanDefaulted, accountId, { accountId, clientId, planId: 'plan-1', missedInstallments: 2, paid: 0, total: 750_050, defaultedAt: clock.now().toISOString() });
    await noted(accountId, 'PlanCleared');
    await http.post(`/accounts/${accountId}/recall`).set('x-api-key', apiKey).send({}).expect(200);
    expect(await eventTypes(accountId)).toEqual(['AccountPlaced', 'PlanNoted', 'PlanCleared', 'AccountRecalled', 'AccountClosed']);
  });
});
