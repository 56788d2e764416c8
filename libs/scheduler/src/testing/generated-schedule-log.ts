import { createHash } from 'node:crypto';
import { RecordedEvent } from '@lib/es-core';
import type { EventStore, ReadAllOptions } from '@lib/event-store';
import { scheduleStreamId, WORK_SCHEDULED } from '../durable-scheduler';

/** What the generated log schedules at a position: the item's id and kind, and the account it belongs to. */
export interface GeneratedWork {
  workId: string;
  kind: string;
  accountId: string;
}

/** A UUID-shaped id made from a number, the same one every time (so runs and rounds compare). */
export function uuidOf(n: number): string {
  const hex = createHash('sha1').update(String(n)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A read-only log of `count` WorkScheduled events (positions 1..count), made page by page as
 * it is read and never held, so what a scheduler's catch-up leaves in memory is its pending
 * index alone. Benches and memory specs use it; it is not an event store.
 */
export function generatedScheduleLog(count: number, workAt: (position: number) => GeneratedWork): EventStore {
  const event = (position: number): RecordedEvent => {
    const { workId, kind, accountId } = workAt(position);
    return {
      type: WORK_SCHEDULED,
      streamId: scheduleStreamId(workId),
      version: 0,
      globalPosition: BigInt(position),
      data: { workId, kind, dueAt: new Date(Date.UTC(2026, 3, 1) + (position % 50_000) * 60_000).toISOString(), payload: { accountId } },
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
