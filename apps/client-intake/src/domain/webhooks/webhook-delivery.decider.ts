import { Decider, Decision, reject } from '@lib/es-core';
import type { DeliveryScheduled, WebhookDeliveryEvent } from './webhook-delivery.events';
import { nextAttemptAt, WebhookRetryPolicy } from './webhook-retry.policy';

export interface ScheduleDelivery {
  type: 'ScheduleDelivery';
  delivery: Omit<DeliveryScheduled['data'], 'scheduledAt'>;
  now: Date;
}

/** What one HTTP attempt got; the decider turns it into success, a retry or giving up. */
export interface RecordAttempt {
  type: 'RecordAttempt';
  round: number;
  attempt: number;
  status: number | null;
  error: string | null;
  responseExcerpt: string;
  durationMs: number;
  policy: WebhookRetryPolicy;
  now: Date;
}

export interface RequestRedelivery {
  type: 'RequestRedelivery';
  now: Date;
}

export interface AbandonDelivery {
  type: 'AbandonDelivery';
  reason: string;
  now: Date;
}

export type WebhookDeliveryCommand = ScheduleDelivery | RecordAttempt | RequestRedelivery | AbandonDelivery;

export interface DeliveryAttempt {
  round: number;
  attempt: number;
  status: number | null;
  error: string | null;
  responseExcerpt: string;
  durationMs: number;
  attemptedAt: string;
}

export type WebhookDeliveryState =
  | { status: 'none' }
  | {
      status: 'pending' | 'succeeded' | 'failed' | 'abandoned';
      scheduled: DeliveryScheduled['data'];
      round: number;
      /** Attempts made in the current round. */
      attemptsInRound: number;
      roundStartedAt: string | null;
      nextAttemptAt: string | null;
      attempts: DeliveryAttempt[];
    };

/** A receiver accepted the message: any 2xx (Standard Webhooks). */
export const isAccepted = (status: number | null): boolean => status !== null && status >= 200 && status < 300;

function evolve(state: WebhookDeliveryState, event: WebhookDeliveryEvent): WebhookDeliveryState {
  if (event.type === 'DeliveryScheduled') {
    return { status: 'pending', scheduled: event.data, round: 0, attemptsInRound: 0, roundStartedAt: null, nextAttemptAt: event.data.scheduledAt, attempts: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DeliveryAttempted': {
      const { round, attempt, status, error, responseExcerpt, durationMs, attemptedAt, nextAttemptAt: next } = event.data;
      return {
        ...state,
        attemptsInRound: attempt,
        roundStartedAt: state.roundStartedAt ?? attemptedAt,
        nextAttemptAt: next,
        attempts: [...state.attempts, { round, attempt, status, error, responseExcerpt, durationMs, attemptedAt }],
      };
    }
    case 'DeliverySucceeded':
      return { ...state, status: 'succeeded', nextAttemptAt: null };
    case 'DeliveryFailed':
      return { ...state, status: 'failed', nextAttemptAt: null };
    case 'DeliveryAbandoned':
      return { ...state, status: 'abandoned', nextAttemptAt: null };
    case 'DeliveryRedeliveryRequested':
      return { ...state, status: 'pending', round: event.data.round, attemptsInRound: 0, roundStartedAt: null, nextAttemptAt: event.data.requestedAt };
  }
}

function decide(command: WebhookDeliveryCommand, state: WebhookDeliveryState): Decision<WebhookDeliveryEvent> {
  const now = command.now.toISOString();
  if (command.type === 'ScheduleDelivery') {
    // The same source event reaches us again (a redelivered message): scheduled once.
    if (state.status !== 'none') return [];
    return [{ type: 'DeliveryScheduled', data: { ...command.delivery, scheduledAt: now } }];
  }
  if (state.status === 'none') return reject('webhook-delivery-unknown', 'no such webhook delivery');
  const { deliveryId } = state.scheduled;
  switch (command.type) {
    case 'RecordAttempt': {
      // An attempt of an earlier round, or one already on the record (the work ran again after a crash).
      if (state.status !== 'pending' || command.round !== state.round || command.attempt !== state.attemptsInRound + 1) return [];
      const { round, attempt, status, error, responseExcerpt, durationMs } = command;
      const attempted = { deliveryId, round, attempt, status, error, responseExcerpt, durationMs, attemptedAt: now };
      if (isAccepted(status)) {
        return [
          { type: 'DeliveryAttempted', data: { ...attempted, nextAttemptAt: null } },
          { type: 'DeliverySucceeded', data: { deliveryId, round, attempt, succeededAt: now } },
        ];
      }
      const firstAttemptAt = new Date(state.roundStartedAt ?? now);
      const next = nextAttemptAt(command.policy, firstAttemptAt, attempt, command.now);
      if (next) return [{ type: 'DeliveryAttempted', data: { ...attempted, nextAttemptAt: next.toISOString() } }];
      return [
        { type: 'DeliveryAttempted', data: { ...attempted, nextAttemptAt: null } },
        { type: 'DeliveryFailed', data: { deliveryId, endpointId: state.scheduled.endpointId, round, attempts: attempt, failedAt: now } },
      ];
    }
    case 'RequestRedelivery':
      if (state.status === 'pending') {
        return reject('webhook-delivery-pending', `delivery ${deliveryId} is still being attempted (next at ${state.nextAttemptAt}); redeliver it once it succeeded or failed`, {
          details: { deliveryId, nextAttemptAt: state.nextAttemptAt },
        });
      }
      return [{ type: 'DeliveryRedeliveryRequested', data: { deliveryId, round: state.round + 1, requestedAt: now } }];
    case 'AbandonDelivery':
      if (state.status !== 'pending') return [];
      return [{ type: 'DeliveryAbandoned', data: { deliveryId, reason: command.reason, abandonedAt: now } }];
  }
}

/** One webhook message to one endpoint, stream `webhook-delivery-<deliveryId>`: its attempts, retries and end. */
export const webhookDeliveryDecider: Decider<WebhookDeliveryState, WebhookDeliveryCommand, WebhookDeliveryEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};
