import { fold, isRejection } from '@lib/es-core';
import { endpointsFor, webhookEndpointsDecider } from './webhook-endpoints.decider';
import type { WebhookEndpointCommand } from './webhook-endpoints.commands';
import type { WebhookEndpointEvent } from './webhook-endpoints.events';
import type { WebhookEventType } from './webhook-event-types';
import { MAX_WEBHOOK_ENDPOINTS_PER_CLIENT, signingSecretsAt, WebhookEndpointsState } from './webhook-endpoints.state';

const NOW = new Date('2026-06-01T09:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const HOUR = 3_600_000;

function run(commands: WebhookEndpointCommand[]): { state: WebhookEndpointsState; events: WebhookEndpointEvent[] } {
  let state = webhookEndpointsDecider.initialState();
  const events: WebhookEndpointEvent[] = [];
  for (const command of commands) {
    const decision = webhookEndpointsDecider.decide(command, state);
    if (isRejection(decision)) throw new Error(`${decision.rule}: ${decision.reason}`);
    events.push(...decision);
    state = fold(webhookEndpointsDecider, events);
  }
  return { state, events };
}

const register = (endpointId: string, eventTypes: WebhookEventType[] = ['account.placed']) =>
  ({ type: 'RegisterWebhookEndpoint', clientId: 'c-1', endpointId, url: `https://hooks.example.com/${endpointId}`, eventTypes, secret: `whsec_${endpointId}`, now: NOW }) as const;

describe('webhook endpoints of a client', () => {
  it('registers an endpoint enabled, for its event types once each, signing with its secret', () => {
    const { state } = run([register('e-1', ['account.placed', 'payment.collected', 'account.placed'])]);
    expect(state.endpoints['e-1']).toMatchObject({ status: 'enabled', eventTypes: ['account.placed', 'payment.collected'], url: 'https://hooks.example.com/e-1' });
    expect(signingSecretsAt(state.endpoints['e-1'], NOW)).toEqual(['whsec_e-1']);
    expect(endpointsFor(state, 'payment.collected').map((e) => e.endpointId)).toEqual(['e-1']);
    expect(endpointsFor(state, 'legal.milestone')).toEqual([]);
  });

  it(`refuses an endpoint beyond ${MAX_WEBHOOK_ENDPOINTS_PER_CLIENT}, and a deleted one frees its place`, () => {
    const full = run(Array.from({ length: MAX_WEBHOOK_ENDPOINTS_PER_CLIENT }, (_, i) => register(`e-${i}`)));
    const refused = webhookEndpointsDecider.decide(register('e-extra'), full.state);
    expect(isRejection(refused) && refused.rule).toBe('webhook-endpoint-limit');
    const freed = run([...Array.from({ length: MAX_WEBHOOK_ENDPOINTS_PER_CLIENT }, (_, i) => register(`e-${i}`)), { type: 'DeleteWebhookEndpoint', endpointId: 'e-0', now: NOW }, register('e-extra')]);
    expect(freed.state.endpoints['e-extra'].status).toBe('enabled');
  });

  it('keeps the old secret signing alongside the new one for 24 hours after a rotation, then only the new one', () => {
    const { state, events } = run([register('e-1'), { type: 'RotateWebhookSecret', endpointId: 'e-1', secret: 'whsec_new', now: later(HOUR) }]);
    expect(events.at(-1)).toMatchObject({ type: 'WebhookSecretRotated', data: { previousSecretExpiresAt: later(25 * HOUR).toISOString() } });
    expect(signingSecretsAt(state.endpoints['e-1'], later(2 * HOUR))).toEqual(['whsec_new', 'whsec_e-1']);
    expect(signingSecretsAt(state.endpoints['e-1'], later(25 * HOUR))).toEqual(['whsec_new']);
  });

  it('drops a secret whose grace ended when it is rotated again, keeping the one just rotated out', () => {
    const { state } = run([
      register('e-1'),
      { type: 'RotateWebhookSecret', endpointId: 'e-1', secret: 'whsec_2', now: later(HOUR) },
      { type: 'RotateWebhookSecret', endpointId: 'e-1', secret: 'whsec_3', now: later(48 * HOUR) },
    ]);
    expect(state.endpoints['e-1'].secrets.map((s) => s.secret)).toEqual(['whsec_3', 'whsec_2']);
  });

  it('updates URL and types, and records nothing when nothing changes', () => {
    const { state, events } = run([
      register('e-1'),
      { type: 'UpdateWebhookEndpoint', endpointId: 'e-1', eventTypes: ['legal.milestone'], now: NOW },
      { type: 'UpdateWebhookEndpoint', endpointId: 'e-1', eventTypes: ['legal.milestone'], url: 'https://hooks.example.com/e-1', now: NOW },
    ]);
    expect(events.map((e) => e.type)).toEqual(['WebhookEndpointRegistered', 'WebhookEndpointUpdated']);
    expect(state.endpoints['e-1'].eventTypes).toEqual(['legal.milestone']);
  });

  it('disables once for several deliveries giving up, keeps a disabled endpoint subscribed, and enables again counting enablements', () => {
    const disable = (deliveryId: string) => ({ type: 'DisableWebhookEndpoint', endpointId: 'e-1', deliveryId, reason: 'every attempt failed', now: later(HOUR) }) as const;
    const { state, events } = run([register('e-1'), disable('d-1'), disable('d-2')]);
    expect(events.filter((e) => e.type === 'EndpointDisabled')).toHaveLength(1);
    expect(state.endpoints['e-1']).toMatchObject({ status: 'disabled', disabledReason: 'every attempt failed' });
    expect(endpointsFor(state, 'account.placed').map((e) => e.endpointId)).toEqual(['e-1']);

    const enabled = run([register('e-1'), disable('d-1'), { type: 'EnableWebhookEndpoint', endpointId: 'e-1', now: later(2 * HOUR) }]);
    expect(enabled.state.endpoints['e-1']).toMatchObject({ status: 'enabled', enablements: 1, disabledAt: null });
    const again = webhookEndpointsDecider.decide({ type: 'EnableWebhookEndpoint', endpointId: 'e-1', now: later(3 * HOUR) }, enabled.state);
    expect(isRejection(again) && again.rule).toBe('webhook-endpoint-enabled');
  });

  it('answers a deleted endpoint as unknown, and leaves it out of every delivery', () => {
    const { state } = run([register('e-1'), { type: 'DeleteWebhookEndpoint', endpointId: 'e-1', now: NOW }]);
    const rotate = webhookEndpointsDecider.decide({ type: 'RotateWebhookSecret', endpointId: 'e-1', secret: 'whsec_x', now: NOW }, state);
    expect(isRejection(rotate) && rotate.rule).toBe('webhook-endpoint-unknown');
    expect(endpointsFor(state, 'account.placed')).toEqual([]);
  });
});
