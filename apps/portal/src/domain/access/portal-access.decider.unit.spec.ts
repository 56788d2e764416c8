import { fold, isRejection } from '@lib/es-core';
import { CHECK_ATTEMPTS_BEFORE_LOCK, portalAccessDecider, PortalAccessCommand } from './portal-access.decider';
import type { PortalAccessEvent } from './portal-access.events';

const now = new Date('2026-01-05T15:00:00Z');
const check = (matched: boolean, at = now): PortalAccessCommand => ({ type: 'CheckIdentity', accountId: 'acc-1', linkId: 'link-1', method: 'invoice', matched, now: at });

/** Runs commands in turn, keeping every event a decision or a refusal recorded. */
function run(commands: PortalAccessCommand[]): PortalAccessEvent[] {
  const events: PortalAccessEvent[] = [];
  for (const command of commands) {
    const decision = portalAccessDecider.decide(command, fold(portalAccessDecider, events));
    events.push(...(isRejection(decision) ? (decision.recordedEvents ?? []) : decision));
  }
  return events;
}

describe('portal access', () => {
  it('locks a link for 15 minutes after five failed checks in a row, and a pass resets the count', () => {
    const failures = Array.from({ length: CHECK_ATTEMPTS_BEFORE_LOCK }, () => check(false));
    const events = run(failures);
    expect(events.at(-1)).toEqual({ type: 'PortalLinkLocked', data: { accountId: 'acc-1', linkId: 'link-1', lockedUntil: '2026-01-05T15:15:00.000Z' } });
    const locked = portalAccessDecider.decide(check(true), fold(portalAccessDecider, events));
    expect(isRejection(locked) && locked.rule).toBe('portal-link-locked');
    expect(isRejection(portalAccessDecider.decide(check(true, new Date('2026-01-05T15:15:00Z')), fold(portalAccessDecider, events)))).toBe(false);
    const reset = run([check(false), check(false), check(true), check(false)]);
    expect(reset.at(-1)).toMatchObject({ type: 'PortalIdentityCheckFailed', data: { failures: 1 } });
  });

  it('confirms one provider payment once', () => {
    const confirm: PortalAccessCommand = { type: 'ConfirmPayment', accountId: 'acc-1', checkoutId: 'c1', provider: 'stripe', providerReference: 'stripe:pi_1', amount: 100, currency: 'USD', method: 'card', paymentId: 'p1', now };
    expect(run([confirm, confirm]).filter((event) => event.type === 'PortalPaymentConfirmed')).toHaveLength(1);
  });
});
