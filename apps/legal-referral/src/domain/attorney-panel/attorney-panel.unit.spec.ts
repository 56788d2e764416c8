import { given } from '@lib/es-core/testing/given-when-then';
import type { AssignCase } from './attorney-panel.commands';
import { attorneyPanelDecider, pickAttorney } from './attorney-panel.decider';
import type { AttorneyPanelEvent, PanelTerms } from './attorney-panel.events';
import { evolvePanel, initialPanel } from './attorney-panel.state';

const NOW = new Date('2026-04-20T09:00:00.000Z');
const terms = (overrides: Partial<PanelTerms> = {}): PanelTerms => ({ firm: 'Hudson & Rowe LLP', jurisdictions: ['US-NY'], currency: 'USD', suitFee: 25_000, contingencyBp: 2_500, capacity: 2, ...overrides });
const added = (attorneyId: string, overrides: Partial<PanelTerms> = {}): AttorneyPanelEvent => ({ type: 'PanelAttorneyAdded', data: { attorneyId, ...terms(overrides), addedAt: NOW.toISOString() } });
const assigned = (attorneyId: string, accountId: string, jurisdiction = 'US-NY'): AttorneyPanelEvent => ({ type: 'AttorneyCaseAssigned', data: { attorneyId, accountId, jurisdiction, assignedAt: NOW.toISOString() } });
const assign = (accountId: string, attorneyId: string | null = null, jurisdiction = 'US-NY'): AssignCase => ({ type: 'AssignCase', accountId, jurisdiction, attorneyId, now: NOW });

describe('the attorney panel', () => {
  it('adds an attorney with its jurisdictions normalised (upper case, sorted, no repeats)', () => {
    given(attorneyPanelDecider)
      .when({ type: 'AddPanelAttorney', attorneyId: 'a-1', terms: terms({ jurisdictions: ['us-nj', 'US-NY', 'US-NJ'] }), now: NOW })
      .then([added('a-1', { jurisdictions: ['US-NJ', 'US-NY'] })]);
  });

  it('refuses to add the same attorney twice and to update one not on the panel', () => {
    given(attorneyPanelDecider, [added('a-1')]).when({ type: 'AddPanelAttorney', attorneyId: 'a-1', terms: terms(), now: NOW }).thenRejects('attorney-already-on-panel');
    given(attorneyPanelDecider).when({ type: 'UpdatePanelAttorney', attorneyId: 'a-9', terms: terms(), now: NOW }).thenRejects('attorney-unknown');
  });

  it("updates an attorney's fees, jurisdictions and capacity, whole", () => {
    given(attorneyPanelDecider, [added('a-1')])
      .when({ type: 'UpdatePanelAttorney', attorneyId: 'a-1', terms: terms({ capacity: 5, contingencyBp: 3_000 }), now: NOW })
      .then([{ type: 'PanelAttorneyUpdated', data: { attorneyId: 'a-1', ...terms({ capacity: 5, contingencyBp: 3_000 }), updatedAt: NOW.toISOString() } }]);
  });

  describe('picks the attorney for a forwarding when none is named', () => {
    it('picks among those covering the debtor jurisdiction only', () => {
      given(attorneyPanelDecider, [added('a-ca', { jurisdictions: ['US-CA'] }), added('a-ny')]).when(assign('acc-1')).then([assigned('a-ny', 'acc-1')]);
    });

    it('picks the least loaded by share of capacity, then the one on the panel longest', () => {
      const panel = [added('a-1', { capacity: 2 }), added('a-2', { capacity: 10 }), assigned('a-1', 'x'), assigned('a-2', 'y')].reduce(evolvePanel, initialPanel());
      expect(pickAttorney(panel, 'US-NY')?.attorneyId).toBe('a-2');
      const even = [added('a-1'), added('a-2')].reduce(evolvePanel, initialPanel());
      expect(pickAttorney(even, 'US-NY')?.attorneyId).toBe('a-1');
    });

    it('skips an attorney at capacity and refuses when nobody has a place left', () => {
      given(attorneyPanelDecider, [added('a-1', { capacity: 1 }), added('a-2', { capacity: 1 }), assigned('a-1', 'x')]).when(assign('acc-1')).then([assigned('a-2', 'acc-1')]);
      given(attorneyPanelDecider, [added('a-1', { capacity: 1 }), assigned('a-1', 'x')]).when(assign('acc-1')).thenRejects('no-panel-attorney-available');
      given(attorneyPanelDecider, [added('a-ca', { jurisdictions: ['US-CA'] })]).when(assign('acc-1')).thenRejects('no-panel-attorney-available');
    });
  });

  describe('checks a named attorney', () => {
    it('assigns a named attorney that covers the jurisdiction and has a place', () => {
      given(attorneyPanelDecider, [added('a-1'), added('a-2')]).when(assign('acc-1', 'a-2')).then([assigned('a-2', 'acc-1')]);
    });

    it('refuses one not on the panel, one for another jurisdiction, and one at capacity', () => {
      given(attorneyPanelDecider, [added('a-1')]).when(assign('acc-1', 'a-9')).thenRejects('attorney-not-on-panel');
      given(attorneyPanelDecider, [added('a-ca', { jurisdictions: ['US-CA'] })]).when(assign('acc-1', 'a-ca')).thenRejects('attorney-jurisdiction-mismatch');
      given(attorneyPanelDecider, [added('a-1', { capacity: 1 }), assigned('a-1', 'x')]).when(assign('acc-1', 'a-1')).thenRejects('attorney-at-capacity');
    });
  });

  it('keeps one place per case: a retried forwarding takes nothing more', () => {
    given(attorneyPanelDecider, [added('a-1'), assigned('a-1', 'acc-1')]).when(assign('acc-1')).then([]);
    given(attorneyPanelDecider, [added('a-1'), assigned('a-1', 'acc-1')]).when(assign('acc-1', 'a-1')).then([]);
  });

  it('gives the place back when the case is released, so the attorney takes another', () => {
    const released: AttorneyPanelEvent = { type: 'AttorneyCaseReleased', data: { attorneyId: 'a-1', accountId: 'x', reason: 'file closed', releasedAt: NOW.toISOString() } };
    given(attorneyPanelDecider, [added('a-1', { capacity: 1 }), assigned('a-1', 'x')]).when({ type: 'ReleaseCase', accountId: 'x', reason: 'file closed', now: NOW }).then([released]);
    given(attorneyPanelDecider, [added('a-1', { capacity: 1 }), assigned('a-1', 'x'), released]).when(assign('acc-1')).then([assigned('a-1', 'acc-1')]);
    given(attorneyPanelDecider, [added('a-1')]).when({ type: 'ReleaseCase', accountId: 'x', reason: 'file closed', now: NOW }).then([]);
  });

  it('counts a reopened forwarded case on its attorney\'s caseload again, even above capacity, and once', () => {
    const released: AttorneyPanelEvent = { type: 'AttorneyCaseReleased', data: { attorneyId: 'a-1', accountId: 'x', reason: 'the account closed (paid-in-full)', releasedAt: NOW.toISOString() } };
    const retake = { type: 'RetakeCase' as const, accountId: 'x', attorneyId: 'a-1', jurisdiction: 'US-NY', now: NOW };
    given(attorneyPanelDecider, [added('a-1', { capacity: 1 }), assigned('a-1', 'x'), released, assigned('a-1', 'y')])
      .when(retake)
      .then([assigned('a-1', 'x')]);
    const full = [added('a-1', { capacity: 1 }), assigned('a-1', 'x'), released, assigned('a-1', 'y'), assigned('a-1', 'x')].reduce(evolvePanel, initialPanel());
    expect(full.attorneys[0].openCases).toEqual(['y', 'x']);
    expect(pickAttorney(full, 'US-NY')).toBeUndefined();
    given(attorneyPanelDecider, [added('a-1'), assigned('a-1', 'x')]).when(retake).then([]);
    given(attorneyPanelDecider, [added('a-2')]).when(retake).then([]);
  });

  it('issues an API key to a panel attorney only', () => {
    given(attorneyPanelDecider, [added('a-1')])
      .when({ type: 'IssueAttorneyApiKey', attorneyId: 'a-1', keyId: 'k-1', keyHash: 'h', now: NOW })
      .then([{ type: 'AttorneyApiKeyIssued', data: { attorneyId: 'a-1', keyId: 'k-1', keyHash: 'h', issuedAt: NOW.toISOString() } }]);
    given(attorneyPanelDecider).when({ type: 'IssueAttorneyApiKey', attorneyId: 'a-1', keyId: 'k-1', keyHash: 'h', now: NOW }).thenRejects('attorney-unknown');
  });
});
