import { TestClock } from '@lib/clock';
import { memoryAfterGc } from '@lib/es-core/testing/memory-after-gc';
import { DurableScheduler } from './durable-scheduler';
import { generatedScheduleLog, uuidOf } from './testing/generated-schedule-log';

/** Ids built as the services build theirs (a prefix, an account's UUID, sometimes numbers after it). */
const KINDS = ['legal-review', 'cadence-step', 'promise-check', 'pre-collection-reminder'];

function workIdOf(position: number): string {
  const account = uuidOf(position);
  switch (position % KINDS.length) {
    case 0:
      return `legal-review-${account}`;
    case 1:
      return `cadence-step-${account}-${position % 5}-0`;
    case 2:
      return `promise-check-${account}`;
    default:
      return `pre-collection-reminder-${account}-day-${7 * (position % 4)}`;
  }
}

describe('the durable scheduler pending index, in memory', () => {
  it('holds a pending item in under 100 bytes of heap and array buffers', async () => {
    const items = 100_000;
    const clock = new TestClock('2026-03-01T00:00:00.000Z');
    // A reading can be thrown off by what the collector frees meanwhile (a jest worker's own
    // garbage): three readings, and the median is compared.
    const readings: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      const scheduler = new DurableScheduler(generatedScheduleLog(items, (position) => ({ workId: workIdOf(position), kind: KINDS[position % KINDS.length], accountId: uuidOf(position) })), clock, { snapshots: null });
      const before = memoryAfterGc({ withArrayBuffers: true });
      expect(await scheduler.dueCount()).toBe(0);
      readings.push((memoryAfterGc({ withArrayBuffers: true }) - before) / items);
      clock.advance({ days: 365 });
      expect(await scheduler.dueCount()).toBe(items);
      clock.set(new Date('2026-03-01T00:00:00.000Z'));
    }
    const perItem = [...readings].sort((a, b) => a - b)[1];
    expect(perItem).toBeGreaterThan(0);
    expect(perItem).toBeLessThan(100);
  });
});

