import { WrongExpectedVersionError } from '@lib/es-core';
import { DuplicateEventIdError } from '../errors';
import { SqlDriver, SqlEventStore, SqlExecutor } from './sql-event-store';
import { EVENT_ID_CONSTRAINT, STREAM_VERSION_CONSTRAINT, Statement } from './sql-statements';

/**
 * A driver whose append fails the way PostgreSQL reports a unique violation; the
 * stream's head is at version 4, as another writer left it.
 */
class FailingInsertDriver implements SqlDriver {
  constructor(private readonly constraint: string) {}
  async query<Row>(statement: Statement): Promise<Row[]> {
    if (statement.text.includes('append_events')) throw Object.assign(new Error('duplicate key'), { code: '23505', constraint: this.constraint });
    return (statement.text.includes('ORDER BY version DESC') ? [{ version: 4, hash: 'h', global_position: '9' }] : []) as Row[];
  }
  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return work(this);
  }
  async listen(): Promise<() => Promise<void>> {
    return async () => undefined;
  }
  async close(): Promise<void> {}
}

describe('SQL event store error mapping', () => {
  it('turns a (stream, version) unique violation from another writer into WrongExpectedVersionError with the actual version', async () => {
    const store = new SqlEventStore(new FailingInsertDriver(STREAM_VERSION_CONSTRAINT), { schema: 'es' });

    const append = store.appendToStream('account-1', [anEvent()], { expectedVersion: 'any' });

    await expect(append).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(append).rejects.toMatchObject({ streamId: 'account-1', expected: 'any', actual: 4 });
  });

  it('turns an event id unique violation into DuplicateEventIdError', async () => {
    const store = new SqlEventStore(new FailingInsertDriver(EVENT_ID_CONSTRAINT), { schema: 'es' });

    await expect(store.appendToStream('account-1', [anEvent()], { expectedVersion: 'any' })).rejects.toBeInstanceOf(DuplicateEventIdError);
  });

  it('refuses to work once closed', async () => {
    const store = new SqlEventStore(new FailingInsertDriver(EVENT_ID_CONSTRAINT), { schema: 'es' });
    await store.close();

    await expect(store.readAll()).rejects.toThrow(/closed/);
  });
});

function anEvent() {
  return {
    type: 'T',
    data: {},
    metadata: {
      eventId: '00000000-0000-4000-8000-000000000001',
      principal: { role: 'system' as const, id: 'test' },
      correlationId: 'c',
      causationId: 'c',
      occurredAt: '2024-01-01T00:00:00.000Z',
    },
  };
}
