import { DisputeOpened, DisputeResolved, PaymentPlanAgreed, PaymentPlanDefaulted } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { MessageBus } from '@lib/message-bus';
import { TestClock } from '@lib/clock';
import { HttpClient, startServiceUnderTest } from '../../../test/support/service-under-test';
import { ClientIntakeModule } from './client-intake.module';
import { accountsUnderTest } from './client-intake.e2e.fixtures';

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

  const { clientWithAccount, publish, eventTypes, noted } = accountsUnderTest(() => ({ http, bus, store }));

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
