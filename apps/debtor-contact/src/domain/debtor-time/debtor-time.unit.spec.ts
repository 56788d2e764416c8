import { debtorTimeZones, debtorToday, localTimeIn } from './debtor-time';

describe("a debtor's time zones", () => {
  it.each([
    ['US', 'NY', ['America/New_York']],
    ['US', 'CA', ['America/Los_Angeles']],
    ['US', 'IL', ['America/Chicago']],
    ['US', 'WA', ['America/Los_Angeles']],
    ['US', 'CO', ['America/Denver']],
    ['us', 'ny', ['America/New_York']],
    ['US', 'US-CA', ['America/Los_Angeles']],
    ['US', ' us-ny ', ['America/New_York']],
    ['US', 'PR', ['America/Puerto_Rico']],
    ['PR', undefined, ['America/Puerto_Rico']],
    ['GU', undefined, ['Pacific/Guam']],
    ['GB', undefined, ['Europe/London']],
    ['DE', 'BY', ['Europe/Berlin']],
  ])('in %s %s is %j', (country, region, zones) => expect(debtorTimeZones(country, region)).toEqual(zones));

  it.each([
    ['TX', ['America/Chicago', 'America/Denver']],
    ['FL', ['America/New_York', 'America/Chicago']],
    ['AZ', ['America/Phoenix', 'America/Denver']],
  ])('in a state split between zones (%s), is each of them, the main one first', (region, zones) => expect(debtorTimeZones('US', region)).toEqual(zones));

  it('is every US zone, territories included, when the US state is not known', () => {
    for (const region of [undefined, '', 'XX', 'Calif']) {
      const zones = debtorTimeZones('US', region);
      expect(zones).toEqual(expect.arrayContaining(['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'America/Puerto_Rico', 'Pacific/Guam']));
      expect(new Set(zones).size).toBe(zones.length);
    }
  });

  it('is none when the country is not known: no zone is guessed', () => {
    expect(debtorTimeZones('ZZ')).toEqual([]);
    expect(debtorTimeZones('JP', '13')).toEqual([]);
  });
});

describe("the debtor's today", () => {
  const lateMondayInNewYork = new Date('2026-01-06T02:30:00Z');

  it('is the date in its zone', () => expect(debtorToday(['America/New_York'], lateMondayInNewYork)).toBe('2026-01-05'));

  it('is the earliest date among the zones it may be in', () => expect(debtorToday(['Europe/London', 'America/New_York'], lateMondayInNewYork)).toBe('2026-01-05'));

  it('is the date where the day ends last on earth when no zone is known', () => expect(debtorToday([], new Date('2026-01-06T11:30:00Z'))).toBe('2026-01-05'));
});

describe('local time at an instant', () => {
  it('gives the wall clock, the calendar day and the weekday there', () =>
    expect(localTimeIn('America/New_York', new Date('2026-01-06T02:30:00Z'))).toEqual({
      timeZone: 'America/New_York',
      date: '2026-01-05',
      weekday: 'Monday',
      minuteOfDay: 21 * 60 + 30,
      clock: '21:30',
    }));

  it('writes midnight as 00:00', () => expect(localTimeIn('UTC', new Date('2026-01-05T00:00:00Z')).clock).toBe('00:00'));

  it('follows daylight saving time', () => expect(localTimeIn('Europe/London', new Date('2026-07-01T12:00:00Z')).clock).toBe('13:00'));
});
