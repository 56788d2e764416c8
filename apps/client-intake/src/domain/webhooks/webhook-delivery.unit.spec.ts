import { fold, isRejection } from '@lib/es-core';
import { WebhookDeliveryCommand, webhookDeliveryDecider, WebhookDeliveryState } from './webhook-delivery.decider';
import type { WebhookDeliveryEvent } from './webhook-delivery.events';
import { nextAttemptAt, WEBHOOK_RETRY_POLICY } from './webhook-retry.policy';

const START = new Date('2026-06-01T09:00:00.000Z');
const at = (ms: number) => new Date(START.getTime() + ms);
const DAY = 86_400_000;

const scheduled: WebhookDeliveryCommand = {
  type: 'ScheduleDelivery',
  delivery: { deliveryId: 'd-1', clientId: 'c-1', endpointId: 'e-1', eventType: 'payment.collected', sourceEventId: 'ev-1', occurredAt: START.toISOString(), payload: { amount: 100 } },
  now: START,
};

function run(commands: WebhookDeliveryCommand[]): { state: WebhookDeliveryState; events: WebhookDeliveryEvent[] } {
  const events: WebhookDeliveryEvent[] = [];
  for (const command of commands) {
    const decision = webhookDeliveryDecider.decide(command, fold(webhookDeliveryDecider, events));
    if (isRejection(decision)) throw new Error(`${decision.rule}: ${decision.reason}`);
    events.push(...decision);
  }
  return { state: fold(webhookDeliveryDecider, events), events };
}

const attempt = (n: number, status: number | null, now: Date, round = 0): WebhookDeliveryCommand => ({
  type: 'RecordAttempt',
  round,
  attempt: n,
  status,
  error: status === null ? 'connect ECONNREFUSED' : null,
  responseExcerpt: '',
  durationMs: 5,
  policy: WEBHOOK_RETRY_POLICY,
  now,
});

/** Fails every attempt at the time the previous one booked, until the delivery gives up. */
function failEveryAttempt(): { state: WebhookDeliveryState; events: WebhookDeliveryEvent[] } {
  const commands: WebhookDeliveryCommand[] = [scheduled];
  let now = START;
  for (let n = 1; n < 100; n++) {
    commands.push(attempt(n, 503, now));
    const { state } = run(commands);
    if (state.status !== 'pending' || !state.nextAttemptAt) return run(commands);
    now = new Date(state.nextAttemptAt);
  }
  throw new Error('never gave up');
}

describe('a webhook delivery', () => {
  it('is scheduled once for the same source event', () => {
    const { events } = run([scheduled, scheduled]);
    expect(events.map((e) => e.type)).toEqual(['DeliveryScheduled']);
  });

  it('succeeds on a 2xx, after failures retried 30 s, then 60 s, then 120 s later', () => {
    const { state, events } = run([scheduled, attempt(1, 500, START), attempt(2, null, at(30_000)), attempt(3, 429, at(90_000)), attempt(4, 204, at(210_000))]);
    const next = events.filter((e) => e.type === 'DeliveryAttempted').map((e) => e.data.nextAttemptAt);
    expect(next).toEqual([at(30_000).toISOString(), at(90_000).toISOString(), at(210_000).toISOString(), null]);
    expect(state.status).toBe('succeeded');
    expect(events.at(-1)).toMatchObject({ type: 'DeliverySucceeded', data: { attempt: 4 } });
  });

  it('counts a redirect as a failure (it is not followed)', () => {
    const { state } = run([scheduled, attempt(1, 302, START)]);
    expect(state.status).toBe('pending');
  });

  it('ignores an attempt already on the record or of another round (the work ran twice)', () => {
    const { events } = run([scheduled, attempt(1, 500, START), attempt(1, 200, START), attempt(2, 200, at(30_000), 1)]);
    expect(events.map((e) => e.type)).toEqual(['DeliveryScheduled', 'DeliveryAttempted']);
  });

  it('retries for five days, never more than 12 hours apart, then gives up', () => {
    const { state, events } = failEveryAttempt();
    const attempts = events.filter((e) => e.type === 'DeliveryAttempted');
    const times = attempts.map((e) => new Date(e.data.attemptedAt).getTime());
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    expect(Math.max(...gaps)).toBe(12 * 3_600_000);
    expect(times.at(-1)! - START.getTime()).toBeLessThanOrEqual(5 * DAY);
    expect(times.at(-1)! - START.getTime()).toBeGreaterThan(4 * DAY);
    expect(attempts.length).toBeGreaterThanOrEqual(15);
    expect(state.status).toBe('failed');
    expect(events.at(-1)).toMatchObject({ type: 'DeliveryFailed', data: { endpointId: 'e-1', attempts: attempts.length } });
  });

  it('is redelivered only once it ended, in a new round with a fresh retry window', () => {
    const pending = run([scheduled, attempt(1, 500, START)]);
    const refused = webhookDeliveryDecider.decide({ type: 'RequestRedelivery', now: at(1000) }, pending.state);
    expect(isRejection(refused) && refused.rule).toBe('webhook-delivery-pending');

    const failed = failEveryAttempt();
    const lateNow = at(6 * DAY);
    const decision = webhookDeliveryDecider.decide({ type: 'RequestRedelivery', now: lateNow }, failed.state);
    expect(decision).toEqual([{ type: 'DeliveryRedeliveryRequested', data: { deliveryId: 'd-1', round: 1, requestedAt: lateNow.toISOString() } }]);
    const state = fold(webhookDeliveryDecider, [...failed.events, ...(decision as WebhookDeliveryEvent[])]);
    const retried = webhookDeliveryDecider.decide(attempt(1, 500, lateNow, 1), state);
    expect(retried).toEqual([expect.objectContaining({ type: 'DeliveryAttempted', data: expect.objectContaining({ round: 1, attempt: 1, nextAttemptAt: at(6 * DAY + 30_000).toISOString() }) })]);
  });

  it('is abandoned while pending (endpoint deleted), not once it ended', () => {
    expect(run([scheduled, { type: 'AbandonDelivery', reason: 'endpoint-deleted', now: START }]).state.status).toBe('abandoned');
    expect(run([scheduled, attempt(1, 200, START), { type: 'AbandonDelivery', reason: 'endpoint-deleted', now: START }]).state.status).toBe('succeeded');
  });
});

describe('the retry policy', () => {
  it('doubles from 30 s and caps at 12 h', () => {
    expect(nextAttemptAt(WEBHOOK_RETRY_POLICY, START, 1, START)).toEqual(at(30_000));
    expect(nextAttemptAt(WEBHOOK_RETRY_POLICY, START, 4, START)).toEqual(at(240_000));
    expect(nextAttemptAt(WEBHOOK_RETRY_POLICY, START, 30, START)).toEqual(at(12 * 3_600_000));
  });

  it('books nothing past five days from the first attempt', () => {
    expect(nextAttemptAt(WEBHOOK_RETRY_POLICY, START, 20, at(5 * DAY - 60_000))).toBeNull();
  });
});
