import { randomUUID } from 'node:crypto';
import { TestClock } from '@lib/clock';
import { AccountClosed, AccountPlaced, AUDIT_EVENTS, CONTACT_CASES, Contract, PaymentPostedV2, PaymentReversed } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import type { ClockControl } from '@lib/platform';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { DebtorContactModule } from './debtor-contact.module';
import { MONDAY_10_NEW_YORK, placedData } from './debtor-contact.e2e.fixtures';

const WAIT = { timeoutMs: 5_000 };
/** A promise due 2026-01-20 with 3 grace days: over on 2026-01-23 everywhere, i.e. at 2026-01-24 12:00 UTC. */
const PROMISE = { amount: 300_000, currency: 'USD', dueDate: '2026-01-20' };
const PROMISE_DEADLINE = '2026-01-24T12:00:00.000Z';

describe('promises to pay and payment plans over HTTP (PGlite event store, in-process bus, test clock)', () => {
  let store: PgliteEventStore;
  let bus: MessageBus;
  let clock: TestClock;
  let clockControl: ClockControl;
  let http: HttpClient;
  let published: IncomingMessage[];
  let audit: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({
      name: 'debtor-contact',
      clockStart: MONDAY_10_NEW_YORK,
      module: (deps) => DebtorContactModule.register(deps),
      listenTo: [CONTACT_CASES, AUDIT_EVENTS],
    });
    ({ store, bus, clock, http, close } = sut);
    clockControl = sut.deps.clockControl;
    published = sut.received(CONTACT_CASES);
    audit = sut.received(AUDIT_EVENTS);
  });
  beforeEach(() => clock.set(MONDAY_10_NEW_YORK));
  afterAll(() => close());

  /** Moves the test clock and runs the service's schedulers, as the admin test-clock endpoint does: no sleeping. */
  async function moveClockTo(instant: string): Promise<number> {
    clock.set(instant);
    let fired = 0;
    for (const scheduler of clockControl.schedulers) fired += await scheduler.tick();
    return fired;
  }

  async function publish<Data>(contract: Contract<Data>, key: string, value: Data): Promise<void> {
    const headers = { 'message-type': contract.type, 'message-id': randomUUID(), 'correlation-id': `corr-${key}`, 'causation-id': 'c', 'source-stream': `ledger-${key}`, 'source-version': '0' };
    await bus.publish([{ topic: contract.topic, key, value, headers }]);
  }

  const storedIn = (streamId: string, type: string) => audit.filter((m) => m.key === streamId && (m.value as { type: string }).type === type);
  const waitForStored = (streamId: string, type: string, count = 1) =>
    waitFor(`${count} ${type} in ${streamId}`, () => storedIn(streamId, type).length >= count, WAIT, () => `seen ${storedIn(streamId, type).length}`);
  const publishedOf = (accountId: string, type: string) => published.filter((m) => m.key === accountId && m.headers['message-type'] === type);
  const waitForPublished = (accountId: string, type: string, count = 1) =>
    waitFor(`${count} ${type} for ${accountId}`, () => publishedOf(accountId, type).length >= count, WAIT, () => `seen ${publishedOf(accountId, type).length}`);
  const types = async (streamId: string) => (await store.readStream(streamId)).map((event) => event.type);

  async function placeAccount(): Promise<string> {
    const accountId = randomUUID();
    await publish(AccountPlaced, accountId, placedData(accountId));
    await waitForPublished(accountId, 'NoticeSent.v1');
    return accountId;
  }

  /** A promise taken in a call, followed once its message came back to the service. */
  async function promiseTaken(accountId: string): Promise<string> {
    const answer = await http
      .post(`/cases/${accountId}/contacts`)
      .set('authorization', staff('collector', 'collector-7'))
      .send({ channel: 'call', direction: 'outbound', outcome: 'right-party-contact', promise: PROMISE })
      .expect(201);
    await waitForStored(`promises-${accountId}`, 'PromiseTracked');
    return answer.body.promiseId;
  }

  let payments = 0;
  async function pay(accountId: string, amount: number, postedAt: string, balanceAfter: number): Promise<string> {
    const paymentId = `pay-${++payments}`;
    const posted: PaymentPostedV2 = { accountId, clientId: 'client-1', paymentId, amount, currency: 'USD', allocations: [], commission: 0, credit: 0, balanceAfter, postedAt, method: 'ach', commissionRateBp: 2_500 };
    await publish(PaymentPostedV2, accountId, posted);
    return paymentId;
  }

  const caseOf = async (accountId: string) => (await http.get(`/cases/${accountId}`).set('authorization', staff('collector')).expect(200)).body;
  const agreePlan = (accountId: string, body: object, as = staff('collector', 'collector-7')) => http.post(`/cases/${accountId}/plans`).set('authorization', as).send(body);

  describe('a promise to pay', () => {
    it('is broken when the test clock passes its due date plus the grace days without enough paid, and published so', async () => {
      const accountId = await placeAccount();
      const promiseId = await promiseTaken(accountId);
      await pay(accountId, 100_000, '2026-01-15T15:00:00.000Z', 650_050);
      await waitForStored(`promises-${accountId}`, 'PromisePaymentNoted');

      // The last grace day is not over everywhere yet: nothing is decided.
      await moveClockTo('2026-01-24T11:59:00.000Z');
      expect((await caseOf(accountId)).promises).toEqual([expect.objectContaining({ promiseId, amount: 300_000, dueDate: '2026-01-20', status: 'pending' })]);

      expect(await moveClockTo(PROMISE_DEADLINE)).toBeGreaterThanOrEqual(1);
      await waitForPublished(accountId, 'PromiseBroken.v1');
      expect(publishedOf(accountId, 'PromiseBroken.v1').map((m) => m.value)).toEqual([
        { accountId, clientId: 'client-1', promiseId, amount: 300_000, paid: 100_000, currency: 'USD', dueDate: '2026-01-20', reason: 'not-paid-in-time', brokenAt: PROMISE_DEADLINE },
      ]);
      expect((await caseOf(accountId)).promises).toEqual([
        { promiseId, attemptId: expect.any(String), amount: 300_000, currency: 'USD', dueDate: '2026-01-20', madeAt: MONDAY_10_NEW_YORK, collectorId: 'collector-7', status: 'broken' },
      ]);

      // A later tick and a late payment change nothing: a broken promise stays broken.
      await pay(accountId, 200_000, '2026-01-25T15:00:00.000Z', 450_050);
      await waitForStored(`promises-${accountId}`, 'PromisePaymentNoted', 2);
      await moveClockTo('2026-02-01T12:00:00.000Z');
      expect(await types(`promises-${accountId}`)).toEqual(['PromiseTracked', 'PromisePaymentNoted', 'PromiseBroken', 'PromisePaymentNoted']);
    });

    it('is kept by payments that reach the amount within the grace days, and is not broken at the deadline', async () => {
      const accountId = await placeAccount();
      const promiseId = await promiseTaken(accountId);
      await pay(accountId, 100_000, '2026-01-19T15:00:00.000Z', 650_050);
      await pay(accountId, 200_000, '2026-01-22T15:00:00.000Z', 450_050);
      await waitForPublished(accountId, 'PromiseKept.v1');
      expect(publishedOf(accountId, 'PromiseKept.v1').map((m) => m.value)).toEqual([
        { accountId, clientId: 'client-1', promiseId, amount: 300_000, paid: 300_000, currency: 'USD', dueDate: '2026-01-20', keptAt: '2026-01-22T15:00:00.000Z' },
      ]);

      await moveClockTo(PROMISE_DEADLINE);
      expect((await caseOf(accountId)).promises).toEqual([expect.objectContaining({ promiseId, status: 'kept' })]);
      expect(publishedOf(accountId, 'PromiseBroken.v1')).toEqual([]);
    });

    it('is broken when the payment that kept it bounces', async () => {
      const accountId = await placeAccount();
      const promiseId = await promiseTaken(accountId);
      const paymentId = await pay(accountId, 300_000, '2026-01-06T15:00:00.000Z', 450_050);
      await waitForPublished(accountId, 'PromiseKept.v1');
      await publish(PaymentReversed, accountId, {
        accountId, clientId: 'client-1', paymentId, amount: 300_000, currency: 'USD', commission: 0, reason: 'nsf', balanceAfter: 750_050, reversedAt: '2026-01-08T15:00:00.000Z', allocations: [], credit: 0,
      });
      await waitForPublished(accountId, 'PromiseBroken.v1');
      expect(publishedOf(accountId, 'PromiseBroken.v1')[0].value).toMatchObject({ promiseId, paid: 0, reason: 'payment-reversed', brokenAt: '2026-01-08T15:00:00.000Z' });
    });
  });

  describe('a payment plan', () => {
    const MONTHLY = { currency: 'USD', frequency: 'monthly', firstDueDate: '2026-01-31', installments: [{ amount: 250_000 }, { amount: 250_000 }, { amount: 250_050 }] };

    it('is agreed with its schedule, refused while another is active, and defaults when its second installment is missed', async () => {
      const accountId = await placeAccount();
      const agreed = await agreePlan(accountId, MONTHLY).set('idempotency-key', 'plan-1').expect(201);
      expect(agreed.body).toEqual({
        accountId,
        planId: expect.any(String),
        currency: 'USD',
        frequency: 'monthly',
        total: 750_050,
        installments: [
          { number: 1, dueDate: '2026-01-31', amount: 250_000, deadline: '2026-02-04T12:00:00.000Z' },
          { number: 2, dueDate: '2026-02-28', amount: 250_000, deadline: '2026-03-04T12:00:00.000Z' },
          { number: 3, dueDate: '2026-03-31', amount: 250_050, deadline: '2026-04-04T12:00:00.000Z' },
        ],
        graceDays: 3,
        missedInstallmentsToDefault: 2,
        agreedAt: MONDAY_10_NEW_YORK,
      });
      const { planId } = agreed.body;
      const retried = await agreePlan(accountId, MONTHLY).set('idempotency-key', 'plan-1').expect(201);
      expect(retried.body.planId).toBe(planId);
      const second = await agreePlan(accountId, MONTHLY).expect(409);
      expect(second.body).toMatchObject({ type: 'urn:collections:problem:plan-already-active', rule: 'plan-already-active', status: 409 });
      await waitForPublished(accountId, 'PaymentPlanAgreed.v1');
      expect(publishedOf(accountId, 'PaymentPlanAgreed.v1')[0].value).toMatchObject({ planId, total: 750_050, agreedBy: 'collector-7', installments: [{ number: 1, dueDate: '2026-01-31', amount: 250_000 }, { number: 2 }, { number: 3 }] });

      // A part of the first installment, then nothing: the first is missed after its grace days, the second defaults the plan.
      await pay(accountId, 100_000, '2026-01-30T15:00:00.000Z', 650_050);
      await waitForStored(`plans-${accountId}`, 'PlanPaymentNoted');
      await moveClockTo('2026-02-04T12:00:00.000Z');
      await waitForPublished(accountId, 'PlanInstallmentMissed.v1');
      expect(publishedOf(accountId, 'PlanInstallmentMissed.v1')[0].value).toEqual({
        accountId, clientId: 'client-1', planId, number: 1, dueDate: '2026-01-31', dueToDate: 250_000, paidToDate: 100_000, missedInstallments: 1, missedAt: '2026-02-04T12:00:00.000Z',
      });
      expect((await caseOf(accountId)).plans).toEqual([expect.objectContaining({ planId, status: 'active', missedInstallments: 1, paid: 100_000 })]);

      await moveClockTo('2026-03-04T12:00:00.000Z');
      await waitForPublished(accountId, 'PaymentPlanDefaulted.v1');
      expect(publishedOf(accountId, 'PaymentPlanDefaulted.v1').map((m) => m.value)).toEqual([
        { accountId, clientId: 'client-1', planId, missedInstallments: 2, paid: 100_000, total: 750_050, defaultedAt: '2026-03-04T12:00:00.000Z' },
      ]);
      expect((await caseOf(accountId)).plans).toEqual([
        {
          planId,
          status: 'defaulted',
          frequency: 'monthly',
          total: 750_050,
          paid: 100_000,
          missedInstallments: 2,
          installments: [
            { number: 1, dueDate: '2026-01-31', amount: 250_000, missed: true },
            { number: 2, dueDate: '2026-02-28', amount: 250_000, missed: true },
            { number: 3, dueDate: '2026-03-31', amount: 250_050, missed: false },
          ],
          agreedAt: MONDAY_10_NEW_YORK,
          agreedBy: 'collector-7',
        },
      ]);
      // The third check finds the plan over.
      await moveClockTo('2026-04-04T12:00:00.000Z');
      expect(publishedOf(accountId, 'PlanInstallmentMissed.v1')).toHaveLength(2);
      // A defaulted plan makes room for a new one.
      await agreePlan(accountId, { ...MONTHLY, firstDueDate: '2026-04-30' }).expect(201);
    });

    it('is completed by the payment that brings its total, and the closure that follows paid in full closes the case', async () => {
      const accountId = await placeAccount();
      const { planId } = (await agreePlan(accountId, { ...MONTHLY, frequency: 'weekly', firstDueDate: '2026-01-12' }, staff('supervisor', 'sup-2')).expect(201)).body;
      await pay(accountId, 250_000, '2026-01-12T15:00:00.000Z', 500_050);
      await waitForStored(`plans-${accountId}`, 'PlanPaymentNoted');
      // The first installment's check finds it paid: nothing is missed.
      await moveClockTo('2026-01-16T12:00:00.000Z');
      await pay(accountId, 500_050, '2026-01-19T15:00:00.000Z', 0);
      await waitForPublished(accountId, 'PaymentPlanCompleted.v1');
      expect(publishedOf(accountId, 'PaymentPlanCompleted.v1').map((m) => m.value)).toEqual([
        { accountId, clientId: 'client-1', planId, paid: 750_050, total: 750_050, completedAt: '2026-01-19T15:00:00.000Z' },
      ]);
      // Closing is intake's, on payments' paid-in-full (AccountPaidInFull.v1 -> AccountClosed.v1): the case follows it.
      await publish(AccountClosed, accountId, { accountId, clientId: 'client-1', closingCode: 'paid-in-full', closedAt: '2026-01-19T15:00:01.000Z' });
      await waitForStored(`contact-${accountId}`, 'ContactCaseClosed');
      await moveClockTo('2026-04-04T12:00:00.000Z');
      const shown = await caseOf(accountId);
      expect(shown).toMatchObject({ status: 'closed', closingCode: 'paid-in-full', plans: [{ planId, status: 'completed', paid: 750_050, missedInstallments: 0, agreedBy: 'sup-2' }] });
      expect(publishedOf(accountId, 'PlanInstallmentMissed.v1')).toEqual([]);
      expect(await types(`plans-${accountId}`)).toEqual(['PaymentPlanAgreed', 'PlanPaymentNoted', 'PlanPaymentNoted', 'PaymentPlanCompleted']);
    });

    it('answers bad input with every problem (400), the limits of the terms and the case with their rules, and writes nothing', async () => {
      const accountId = await placeAccount();
      const invalid = await agreePlan(accountId, { currency: 'usd', frequency: 'daily', firstDueDate: '31/01/2026', installments: [] }).expect(400);
      expect([...new Set(invalid.body.problems.map((p: { field: string }) => p.field))].sort()).toEqual(['currency', 'firstDueDate', 'frequency', 'installments']);
      const refusals = [
        [{ ...MONTHLY, currency: 'EUR' }, 422, 'plan-currency-mismatch'],
        [{ ...MONTHLY, firstDueDate: '2026-01-04' }, 422, 'plan-first-date-past'],
        [{ ...MONTHLY, installments: Array.from({ length: 37 }, () => ({ amount: 20_000 })) }, 422, 'plan-too-many-installments'],
        [{ ...MONTHLY, installments: [{ amount: 2_499 }] }, 422, 'plan-installment-too-small'],
      ] as const;
      for (const [body, status, rule] of refusals) {
        const refused = await agreePlan(accountId, body).expect(status);
        expect(refused.body).toMatchObject({ rule, status });
      }
      expect((await agreePlan(randomUUID(), MONTHLY).expect(404)).body.rule).toBe('case-unknown');
      await http.post(`/cases/${accountId}/plans`).set('authorization', staff('compliance')).send(MONTHLY).expect(403);
      await http.post(`/cases/${accountId}/plans`).send(MONTHLY).expect(401);
      expect(await types(`plans-${accountId}`)).toEqual([]);

      await publish(AccountClosed, accountId, { accountId, clientId: 'client-1', closingCode: 'recalled', closedAt: MONDAY_10_NEW_YORK });
      await waitForStored(`contact-${accountId}`, 'ContactCaseClosed');
      expect((await agreePlan(accountId, MONTHLY).expect(409)).body.rule).toBe('case-closed');
    });
  });
});
