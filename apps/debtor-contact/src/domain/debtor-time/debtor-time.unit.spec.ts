import { debtorTimeZone, localTimeIn } from './debtor-time';

describe("a debtor's time zone", () => {
  it.each([
    ['US', 'NY', 'America/New_York'],
    ['US', 'CA', 'America/Los_Angeles'],
    ['US', 'TX', 'America/Chicago'],
    ['US', 'IL', 'America/Chicago'],
    ['US', 'FL', 'America/New_York'],
    ['US', 'WA', 'America/Los_Angeles'],
    ['US', 'CO', 'America/Denver'],
    ['US', 'AZ', 'America/Phoenix'],
    ['us', 'ny', 'America/New_York'],
    ['GB', undefined, 'Europe/London'],
    ['DE', 'BY', 'Europe/Berlin'],
  ])('in %s %s is %s', (country, region, zone) => expect(debtorTimeZone(country, region)).toBe(zone));

  it('is UTC when the country or the state is not known', () => {
    expect(debtorTimeZone('US')).toBe('UTC');
    expect(debtorTimeZone('US', 'XX')).toBe('UTC');
    expect(debtorTimeZone('JP', '13')).toBe('UTC');
  });
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
