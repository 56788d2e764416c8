import { TestClock } from '@lib/clock';
import { CommandContext } from '@lib/es-core';
import { createPgliteEventStore, PgliteEventStore } from '@lib/event-store';
import { createInProcessMessageBus } from '@lib/message-bus';
import { DurableScheduler } from '@lib/scheduler';
import { contactStreamId, plansStreamId, settlementsStreamId, promisesStreamId } from '../../debtor-contact.dependencies';
import { ContactCaseEvent } from '../../domain/contact-case/contact-case.events';
import { firstDemand, MONDAY_10_NEW_YORK, opened } from '../../domain/contact-case/contact-case.fixtures';
import { AgreePaymentPlan } from '../agree-payment-plan/agree-payment-plan.command';
import { AgreePaymentPlanHandler } from '../agree-payment-plan/agree-payment-plan.handler';
import { CheckPromise } from '../check-promise/check-promise.command';
import { CheckPromiseHandler } from '../check-promise/check-promise.handler';
import { TrackPromise } from '../track-promise/track-promise.command';
import { TrackPromiseHandler } from '../track-promise/track-promise.handler';
import { NotePayment } from './note-payment.command';
import { NotePaymentHandler } from './note-payment.handler';

/**
 * Messages come at least once and the scheduler may run a check again after a crash: each
 * command carries the message or work id as its causation and dedupes on it, per stream.
 */
describe('payments, promises and plans heard twice (PGlite)', () => {
  let store: PgliteEventStore;
  let scheduler: DurableScheduler;
  let ids = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
  const clock = new TestClock(MONDAY_10_NEW_YORK);

  beforeAll(async () => {
    store = await createPgliteEventStore();
    scheduler = new DurableScheduler(store, clock, { snapshots: null });
  });
  afterAll(() => store.close());

  const deps = () => ({ eventStore: store, bus: createInProcessMessageBus(), clock, newId });
  const context = (causationId: string, now = MONDAY_10_NEW_YORK): CommandContext => ({
    principal: { role: 'system', id: 'integration' },
    correlationId: 'corr-1',
    causationId,
    now,
    newId,
    dedupeByCausation: true,
  });
  const types = async (streamId: string) => (await store.readStream(streamId)).map((event) => event.type);

  it('counts a redelivered payment once toward the promise and the plan, and breaks the promise once at its deadline', async () => {
    const accountId = 'acc-1';
    const promised: ContactCaseEvent = {
      type: 'PromiseToPayMade',
      data: { accountId, clientId: 'client-1', promiseId: 'ptp-1', attemptId: 'att-1', collectorId: 'collector-7', amount: 100_000, currency: 'USD', dueDate: '2026-01-20' },
    };
    await store.appendToStream(
      contactStreamId(accountId),
      [opened(), firstDemand, promised].map((event) => ({ ...event, metadata: { eventId: newId(), principal: { role: 'system' as const, id: 'integration' }, correlationId: 'seed', causationId: `seed-${newId()}`, occurredAt: MONDAY_10_NEW_YORK.toISOString() } })),
      { expectedVersion: 'no_stream' },
    );
    const plan = await new AgreePaymentPlanHandler(deps(), scheduler).execute(
      new AgreePaymentPlan(accountId, { currency: 'USD', frequency: 'weekly', firstDueDate: '2026-01-12', installments: [{ amount: 50_000 }, { amount: 50_000 }] }, { ...context('idempotency:plan-1'), principal: { role: 'collector', id: 'collector-7' } }),
    );
    const track = new TrackPromise({ accountId, clientId: 'client-1', promiseId: 'ptp-1', amount: 100_000, currency: 'USD', dueDate: '2026-01-20', madeAt: MONDAY_10_NEW_YORK.toISOString() }, context('message-promise'));
    await new TrackPromiseHandler(deps(), scheduler).execute(track);
    await new TrackPromiseHandler(deps(), scheduler).execute(track);

    const payment = new NotePayment(accountId, { paymentId: 'pay-1', amount: 40_000, postedAt: '2026-01-10T15:00:00.000Z', balanceAfter: 60_000 }, context('message-pay-1'));
    await new NotePaymentHandler(deps()).execute(payment);
    await new NotePaymentHandler(deps()).execute(payment);
    expect(await types(promisesStreamId(accountId))).toEqual(['PromiseTracked', 'PromisePaymentNoted']);
    expect(await types(plansStreamId(accountId))).toEqual(['PaymentPlanAgreed', 'PlanPaymentNoted']);
    // The balance the payment left is heard once, for the next settlement offered.
    expect(await types(settlementsStreamId(accountId))).toEqual(['AccountBalanceHeard']);

    // Booked once each: the promise's deadline and both installments'.
    expect((await scheduler.pendingWork()).map((work) => [work.workId, work.dueAt])).toEqual([
      [`plan-installment-check-${plan.planId}-1`, '2026-01-16T12:00:00.000Z'],
      [`plan-installment-check-${plan.planId}-2`, '2026-01-23T12:00:00.000Z'],
      ['promise-check-ptp-1', '2026-01-24T12:00:00.000Z'],
    ]);

    const deadline = new Date('2026-01-24T12:00:00.000Z');
    await new CheckPromiseHandler(deps()).execute(new CheckPromise(accountId, 'ptp-1', context('promise-check-ptp-1', deadline)));
    await new CheckPromiseHandler(deps()).execute(new CheckPromise(accountId, 'ptp-1', context('promise-check-ptp-1', deadline)));
    const events = await store.readStream(promisesStreamId(accountId));
    expect(events.map((event) => event.type)).toEqual(['PromiseTracked', 'PromisePaymentNoted', 'PromiseBroken']);
    expect(events[2].data).toMatchObject({ paid: 40_000, reason: 'not-paid-in-time' });
  });
});
