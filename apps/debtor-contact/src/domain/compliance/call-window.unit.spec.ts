import { given } from '@lib/es-core/testing/given-when-then';
import { contactCaseDecider } from '../contact-case/contact-case.decider';
import { CaseDebtor } from '../contact-case/contact-case.events';
import { opened, outboundCall } from '../contact-case/contact-case.fixtures';
import { callWindowRule } from './call-window.rule';
import { ContactUnderReview } from './compliance-rule';

const company = (region?: string, country = 'US'): CaseDebtor => ({ kind: 'company', legalName: 'Acme Widgets LLC', country, ...(region === undefined ? {} : { region }) });
const person = (region?: string, country = 'US'): CaseDebtor => ({ kind: 'person', legalName: 'Pat Doe', country, ...(region === undefined ? {} : { region }) });
const caseOf = (debtor: CaseDebtor) => ({ status: 'open' as const, ...opened(debtor).data });
const call = (at: string): ContactUnderReview => ({ channel: 'call', direction: 'outbound', now: new Date(at) });
const verdict = (debtor: CaseDebtor, at: string, contact: Partial<ContactUnderReview> = {}) => callWindowRule.judge({ ...call(at), ...contact }, caseOf(debtor)).decision;

describe('call-window v2', () => {
  describe('a company is called Monday-Friday 08:00-18:00 its local time', () => {
    it('may be called on Monday at 10:00 in New York, and the ledger keeps the zone it was judged in', () =>
      expect(callWindowRule.judge(call('2026-01-05T15:00:00Z'), caseOf(company('NY')))).toEqual({ decision: 'allow', timeZones: ['America/New_York'] }));

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
        timeZones: ['America/New_York'],
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

  });

  describe('where the address does not settle the zone, only hours inside the window in every zone the debtor may be in', () => {
    // Monday 2026-01-05 15:30 UTC is 07:30 in California, 10:30 in New York.
    const californiaAt0730 = '2026-01-05T15:30:00Z';

    it.each(['US-CA', 'us-ca', ' CA '])('reads the state %j as California', (region) => expect(verdict(company(region), californiaAt0730)).toBe('deny'));

    it('refuses 07:30 California time for a company whose state is written "Calif" (not a state code): it may be anywhere in the US', () =>
      expect(verdict(company('Calif'), californiaAt0730)).toBe('deny'));

    it('refuses the same for a US company with a blank or missing region', () => {
      expect(verdict(company(''), californiaAt0730)).toBe('deny');
      expect(verdict(company(undefined), californiaAt0730)).toBe('deny');
    });

    it('names the zones it judged in, and the one where the call falls outside the window', () => {
      const judged = callWindowRule.judge(call(californiaAt0730), caseOf(company('Calif')));
      // 07:30 in Los Angeles, and earlier still in Anchorage: the first zone found outside the window is named.
      expect(judged).toMatchObject({ decision: 'deny', reason: expect.stringContaining('it is Monday 06:30 in America/Anchorage') });
      expect(judged.timeZones).toEqual(expect.arrayContaining(['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Pacific/Honolulu', 'America/Puerto_Rico', 'Pacific/Guam']));
    });

    it('calls a person whose US state is unknown only when it is 08:00-21:00 from Puerto Rico to Guam', () => {
      // Monday 23:30 UTC: 18:30 New York, 13:30 Honolulu, 19:30 San Juan, Tuesday 09:30 Guam, 12:30 Pago Pago.
      expect(verdict(person('Calif'), '2026-01-05T23:30:00Z')).toBe('allow');
      // Monday 15:30 UTC is 01:30 on Tuesday in Guam.
      expect(verdict(person(''), '2026-01-05T15:30:00Z')).toBe('deny');
    });

    it('so a company whose US state is unknown is never called: business hours do not overlap from Puerto Rico to Guam', () => {
      const allowedHalfHours = (debtor: CaseDebtor, weekStarting: string) =>
        Array.from({ length: 7 * 48 }, (_, i) => new Date(new Date(weekStarting).getTime() + i * 1_800_000).toISOString()).filter((at) => verdict(debtor, at) === 'allow');
      for (const week of ['2026-01-05T00:00:00Z', '2026-07-06T00:00:00Z']) {
        expect(allowedHalfHours(company(''), week)).toEqual([]);
        // A person still has a few evening hours (UTC) that are 08:00-21:00 everywhere.
        expect(allowedHalfHours(person(''), week).length).toBeGreaterThan(0);
        expect(allowedHalfHours(person(''), week).every((at) => ['22', '23', '00'].includes(at.slice(11, 13)))).toBe(true);
      }
    });

    it('judges Puerto Rico, Guam, the Virgin Islands, American Samoa and the Northern Marianas in their own zones, as a US region or as a country', () => {
      for (const debtor of [company('PR'), company('US-PR'), company(undefined, 'PR')]) {
        expect(verdict(debtor, '2026-01-05T11:30:00Z')).toBe('deny'); // 07:30 in San Juan
        expect(verdict(debtor, '2026-01-05T13:00:00Z')).toBe('allow'); // 09:00 in San Juan
      }
      const zoneOf = (debtor: CaseDebtor) => callWindowRule.judge(call('2026-01-05T23:00:00Z'), caseOf(debtor)).timeZones;
      expect(zoneOf(company('GU'))).toEqual(['Pacific/Guam']);
      expect(zoneOf(company('VI'))).toEqual(['America/St_Thomas']);
      expect(zoneOf(company('AS'))).toEqual(['Pacific/Pago_Pago']);
      expect(zoneOf(company('MP'))).toEqual(['Pacific/Saipan']);
      expect(zoneOf(company(undefined, 'GU'))).toEqual(['Pacific/Guam']);
    });

    it('refuses 07:00 in El Paso though it is 08:00 in most of Texas', () => expect(verdict(company('TX'), '2026-01-05T14:00:00Z')).toBe('deny'));

    it('allows a Texas company once it is 08:00 in El Paso too, and records both zones it judged in', () =>
      expect(callWindowRule.judge(call('2026-01-05T15:00:00Z'), caseOf(company('TX')))).toEqual({ decision: 'allow', timeZones: ['America/Chicago', 'America/Denver'] }));

    it.each([
      ['FL', '2026-01-05T13:30:00Z'], // 08:30 Miami, 07:30 Pensacola
      ['TN', '2026-01-05T23:30:00Z'], // 17:30 Nashville, 18:30 Knoxville
      ['KY', '2026-01-05T13:30:00Z'], // 08:30 Louisville, 07:30 Paducah
      ['IN', '2026-01-05T13:30:00Z'], // 08:30 Indianapolis, 07:30 Gary
      ['MI', '2026-01-05T13:30:00Z'], // 08:30 Detroit, 07:30 Menominee
      ['KS', '2026-01-05T14:30:00Z'], // 08:30 Wichita, 07:30 Goodland
      ['NE', '2026-01-05T14:30:00Z'], // 08:30 Omaha, 07:30 Scottsbluff
      ['ND', '2026-01-05T14:30:00Z'], // 08:30 Fargo, 07:30 Dickinson
      ['SD', '2026-01-05T14:30:00Z'], // 08:30 Sioux Falls, 07:30 Rapid City
      ['ID', '2026-01-05T15:30:00Z'], // 08:30 Boise, 07:30 Coeur d'Alene
      ['OR', '2026-01-06T01:30:00Z'], // 17:30 Portland, 18:30 Ontario
      ['NV', '2026-01-06T01:30:00Z'], // 17:30 Las Vegas, 18:30 West Wendover
      ['AZ', '2026-07-07T00:30:00Z'], // July: 17:30 Phoenix, 18:30 on the Navajo Nation (which keeps daylight saving)
      ['AK', '2026-01-05T17:30:00Z'], // 08:30 Anchorage, 07:30 Adak
    ])('refuses %s when it is inside the window in its main zone but outside it in another', (region, at) => expect(verdict(company(region), at)).toBe('deny'));

    it('refuses every outbound call where no zone is known for the country, saying so', () =>
      expect(callWindowRule.judge(call('2026-01-05T12:00:00Z'), caseOf(company('', 'ZZ')))).toEqual({
        decision: 'deny',
        reason: 'a company may be called Monday-Friday 08:00-18:00 in its local time, and no time zone is known for its address (country ZZ, region not given): a call cannot be placed inside that window',
        timeZones: [],
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
            version: 2,
            channel: 'call',
            reason: 'a company may be called Monday-Friday 08:00-18:00 in its local time (America/New_York); it is Saturday 10:00 there',
            timeZones: ['America/New_York'],
          },
        },
      ]));
});
