import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { RecordedEvent } from '@lib/es-core';
import type { EventStore, ReadAllOptions } from '@lib/event-store';
import { TestClock } from '@lib/clock';
import { DurableScheduler, scheduleStreamId, WORK_SCHEDULED } from './durable-scheduler';

/**
 * A log of `count` scheduled items, made page by page as it is read and never held, so the
 * heap the scheduler's catch-up leaves behind is its pending index alone. The ids are built
 * as the services build theirs (a prefix, an account's UUID, sometimes numbers after it).
 */
function generatedLog(count: number): EventStore {
  const event = (position: number): RecordedEvent => {
    const workId = workIdOf(position);
    return {
      type: WORK_SCHEDULED,
      streamId: scheduleStreamId(workId),
      version: 0,
      globalPosition: BigInt(position),
      data: { workId, kind: KINDS[position % KINDS.length], dueAt: new Date(Date.UTC(2026, 3, 1) + (position % 50_000) * 60_000).toISOString(), payload: { accountId: uuidOf(position) } },
      metadata: { eventId: uuidOf(-position), principal: { role: 'system', id: 'scheduler' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-03-01T00:00:00.000Z', previousHash: 'p', hash: 'h' },
    } as RecordedEvent;
  };
  const unused = (): never => {
    throw new Error('the generated log is read only');
  };
  return {
    readAll: async ({ after, limit = 500 }: ReadAllOptions = {}) => {
      const first = after === undefined ? 1 : Number(after) + 1;
      const last = Math.min(count, first + limit - 1);
      return Array.from({ length: Math.max(0, last - first + 1) }, (_, n) => event(first + n));
    },
    appendToStream: unused,
    appendToStreams: unused,
    readStream: unused,
    subscribeToAll: unused,
    ping: async () => undefined,
    close: async () => undefined,
  };
}

const KINDS = ['legal-review', 'cadence-step', 'promise-check', 'pre-collection-reminder'];

function uuidOf(n: number): string {
  const hex = createHash('sha1').update(String(n)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

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
      const scheduler = new DurableScheduler(generatedLog(items), clock, { snapshots: null });
      const before = memoryAfterGc();
      expect(await scheduler.dueCount()).toBe(0);
      readings.push((memoryAfterGc() - before) / items);
      clock.advance({ days: 365 });
      expect(await scheduler.dueCount()).toBe(items);
      clock.set(new Date('2026-03-01T00:00:00.000Z'));
    }
    const perItem = [...readings].sort((a, b) => a - b)[1];
    expect(perItem).toBeGreaterThan(0);
    expect(perItem).toBeLessThan(100);
  });
});

/** Heap in use and array-buffer memory after a full collection: exposes `gc` for this call only if jest was not started with it. */
function memoryAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
