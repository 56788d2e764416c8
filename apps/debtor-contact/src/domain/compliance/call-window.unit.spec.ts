import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { CaseDebtor } from '../contact-case/contact-case.events';
import { opened, outboundCall } from '../contact-case/contact-case.fixtures';
import { callWindowRule } from './call-window.rule';
import { ContactUnderReview } from './compliance-rule';

const company = (region: string, country = 'US'): CaseDebtor => ({ kind: 'company', legalName: 'Acme Widgets LLC', country, region });
const person = (region: string, country = 'US'): CaseDebtor => ({ kind: 'person', legalName: 'Pat Doe', country, region });
const caseOf = (debtor: CaseDebtor) => ({ status: 'open' as const, ...opened(debtor).data });
const call = (at: string): ContactUnderReview => ({ channel: 'call', direction: 'outbound', now: new Date(at) });
const verdict = (debtor: CaseDebtor, at: string, contact: Partial<ContactUnderReview> = {}) => callWindowRule.judge({ ...call(at), ...contact }, caseOf(debtor)).decision;

describe('call-window v1', () => {
  describe('a company is called Monday-Friday 08:00-18:00 its local time', () => {
    it('may be called on Monday at 10:00 in New York', () => expect(verdict(company('NY'), '2026-01-05T15:00:00Z')).toBe('allow'));

    it('may be called from 08:00 sharp', () => expect(verdict(company('NY'), '2026-01-05T13:00:00Z')).toBe('allow'));

    it('may not be called at 07:59', () => expect(verdict(company('NY'), '2026-01-05T12:59:00Z')).toBe('deny'));

    it('may be called at 17:59 but not at 18:00', () => {
      expect(verdict(company('NY'), '2026-01-05T22:59:00Z')).toBe('allow');
      expect(verdict(company('NY'), '2026-01-05T23:00:00Z')).toBe('deny');
    });

    it('may not be called at 19:00 New York time, and the reason says when it is there', () =>
      expect(callWindowRule.judge(call('2026-01-06T00:00:00Z'), caseOf(company('NY')))).toEqual({
        decision: 'deny',
        reason: 'a company may be called Monday-Friday 08:00-18:00 in its local time (America/New_York); it is Monday 19:00 there',
      }));

    it('may not be called on a Saturday, even at 10:00', () => expect(verdict(company('NY'), '2026-01-10T15:00:00Z')).toBe('deny'));

    it('may not be called on a Sunday', () => expect(verdict(company('NY'), '2026-01-11T15:00:00Z')).toBe('deny'));
  });

  describe('a person is called 08:00-21:00 its local time, every day', () => {
    it('may be called on a Saturday at 10:00', () => expect(verdict(person('NY'), '2026-01-10T15:00:00Z')).toBe('allow'));

    it('may be called at 20:59 but not at 21:00', () => {
      expect(verdict(person('NY'), '2026-01-11T01:59:00Z')).toBe('allow');
      expect(verdict(person('NY'), '2026-01-11T02:00:00Z')).toBe('deny');
    });

    it('may not be called at 07:30', () => expect(verdict(person('NY'), '2026-01-10T12:30:00Z')).toBe('deny'));
  });

  describe("the window is the debtor's, not the collector's", () => {
    it('refuses 10:30 New York time for a company in California, where it is 07:30', () =>
      expect(verdict(company('CA'), '2026-01-05T15:30:00Z')).toBe('deny'));

    it('allows 19:30 New York time for a company in California, where it is 16:30', () =>
      expect(verdict(company('CA'), '2026-01-06T00:30:00Z')).toBe('allow'));

    it('follows daylight saving time: 12:30 UTC is 08:30 in New York in July', () => expect(verdict(company('NY'), '2026-07-06T12:30:00Z')).toBe('allow'));

    it('judges a Berlin company on Berlin time', () => {
      expect(verdict(company('', 'DE'), '2026-01-05T07:30:00Z')).toBe('allow');
      expect(verdict(company('', 'DE'), '2026-01-05T17:30:00Z')).toBe('deny');
    });

    it('falls back to UTC where the address gives no known zone', () =>
      expect(callWindowRule.judge(call('2026-01-05T18:30:00Z'), caseOf(company('', 'ZZ')))).toEqual({
        decision: 'deny',
        reason: 'a company may be called Monday-Friday 08:00-18:00 in its local time (UTC); it is Monday 18:30 there',
      }));
  });

  describe('only outbound calls are concerned', () => {
    it('allows an inbound call at any hour (the debtor chose the time)', () =>
      expect(verdict(company('NY'), '2026-01-10T03:00:00Z', { direction: 'inbound' })).toBe('allow'));

    it('allows a letter, an email and a text on a Saturday night', () => {
      for (const channel of ['letter', 'email', 'text'] as const) expect(verdict(company('NY'), '2026-01-11T03:00:00Z', { channel })).toBe('allow');
    });
  });

  it('a collector calling a company on a Saturday is refused and the refusal recorded', () =>
    given(contactCaseDecider, [opened()])
      .when(outboundCall({ now: new Date('2026-01-10T15:00:00Z') }))
      .thenRejects('call-window', [
        {
          type: 'ContactAttemptRefused',
          data: {
            accountId: 'acc-1',
            clientId: 'client-1',
            rule: 'call-window',
            version: 1,
            channel: 'call',
            reason: 'a company may be called Monday-Friday 08:00-18:00 in its local time (America/New_York); it is Saturday 10:00 there',
          },
        },
      ]));
});
