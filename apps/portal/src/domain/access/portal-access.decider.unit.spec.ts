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

  it('revokes every link issued before the one a collector issued last, and only those', () => {
    const issue = (linkId: string, expiresAt: string): PortalAccessCommand => ({ type: 'IssueLink', accountId: 'acc-1', linkId, expiresAt: new Date(expiresAt), issuedBy: 'collector-1', now });
    const use = (linkId: string, linkExpiresAt: string): PortalAccessCommand => ({ type: 'UseLink', accountId: 'acc-1', linkId, linkExpiresAt, now });
    // A letter's link (not on the trail) works until a collector issues another.
    expect(portalAccessDecider.decide(use('letter', '2026-03-01T10:00:00.000Z'), fold(portalAccessDecider, []))).toEqual([]);
    const issued = run([issue('first', '2026-03-02T10:00:00.000Z'), issue('second', '2026-03-03T10:00:00.000Z')]);
    const state = fold(portalAccessDecider, issued);
    for (const [linkId, expiresAt] of [['letter', '2026-03-01T10:00:00.000Z'], ['first', '2026-03-02T10:00:00.000Z']]) {
      const refused = portalAccessDecider.decide(use(linkId, expiresAt), state);
      expect(isRejection(refused) && refused.rule).toBe('portal-link-revoked');
      expect(isRejection(refused) && refused.recordedEvents).toEqual([{ type: 'PortalLinkRefused', data: { accountId: 'acc-1', linkId, reason: 'revoked', refusedAt: now.toISOString() } }]);
    }
    expect(portalAccessDecider.decide(use('second', '2026-03-03T10:00:00.000Z'), state)).toEqual([]);
    // A link issued after the latest (a later letter) is not revoked by it.
    expect(portalAccessDecider.decide(use('later-letter', '2026-03-04T10:00:00.000Z'), state)).toEqual([]);
  });

  it('lets a queued plan proposal be decided once, and no other', () => {
    const proposed = (proposalId: string, outcome: 'accepted' | 'queued'): PortalAccessCommand => ({
      type: 'ProposePlan', accountId: 'acc-1', linkId: 'link-1', proposalId, outcome, reasons: outcome === 'queued' ? ['installments-over-limit'] : [], planId: outcome === 'accepted' ? 'plan-1' : null,
      currency: 'USD', frequency: 'monthly', firstDueDate: '2026-02-01', installments: [5_000, 5_000], now,
    });
    const decide = (proposalId: string, decision: 'accepted' | 'declined'): PortalAccessCommand => ({ type: 'DecidePlanProposal', accountId: 'acc-1', proposalId, decision, planId: decision === 'accepted' ? 'plan-2' : null, reason: '', decidedBy: 'collector-7', now });
    const state = fold(portalAccessDecider, run([proposed('p-queued', 'queued'), proposed('p-accepted', 'accepted')]));
    expect(portalAccessDecider.decide(decide('p-queued', 'accepted'), state)).toEqual([
      { type: 'PortalPlanProposalDecided', data: { accountId: 'acc-1', proposalId: 'p-queued', decision: 'accepted', planId: 'plan-2', reason: '', decidedBy: 'collector-7', decidedAt: now.toISOString() } },
    ]);
    const unknown = portalAccessDecider.decide(decide('p-accepted', 'declined'), state);
    expect(isRejection(unknown) && unknown.rule).toBe('plan-proposal-unknown');
    const decided = fold(portalAccessDecider, run([proposed('p-queued', 'queued'), decide('p-queued', 'declined')]));
    const again = portalAccessDecider.decide(decide('p-queued', 'accepted'), decided);
    expect(isRejection(again) && again.rule).toBe('plan-proposal-decided');
  });
});
