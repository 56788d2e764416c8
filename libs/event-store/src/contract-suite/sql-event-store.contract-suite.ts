/**
 * What the two SQL adapters (PostgreSQL and PGlite) promise beyond the port: schema
 * isolation, idempotent migration, and the SQL-level failure paths of an append.
 */
import { randomUUID } from 'node:crypto';
import { EventToAppend } from '@lib/es-core';
import { DuplicateEventIdError } from '../errors';
import { SqlEventStore } from '../sql/sql-event-store';

export interface SqlStoreFactory {
  /** A migrated store on the given schema of the shared database. */
  create(schema: string): Promise<SqlEventStore>;
  /** Removes a schema created by `create`. */
  dropSchema(schema: string): Promise<void>;
}

export function sqlEventStoreContract(adapterName: string, factory: SqlStoreFactory): void {
  describe(`SQL event store: ${adapterName}`, () => {
    const schemas: string[] = [];
    const stores: SqlEventStore[] = [];

    async function aStore(): Promise<SqlEventStore> {
      const schema = randomSchema();
      schemas.push(schema);
      const store = await factory.create(schema);
      stores.push(store);
      return store;
    }

    afterEach(async () => {
      await Promise.all(stores.splice(0).map((store) => store.close()));
      for (const schema of schemas.splice(0)) await factory.dropSchema(schema);
    });

    it('keeps schemas apart: a store sees only its own events and checkpoints', async () => {
      const left = await aStore();
      const right = await aStore();
      await left.appendToStream('account-1', [anEvent('Left')], { expectedVersion: 'no_stream' });
      await right.appendToStream('account-1', [anEvent('Right')], { expectedVersion: 'no_stream' });
      await left.save('relay', 1n);

      expect((await left.readAll()).map((event) => event.type)).toEqual(['Left']);
      expect((await right.readStream('account-1')).map((event) => event.type)).toEqual(['Right']);
      expect(await right.load('relay')).toBeNull();
    });

    it('migrates idempotently', async () => {
      const store = await aStore();
      await store.appendToStream('account-1', [anEvent('Kept')], { expectedVersion: 'no_stream' });

      await store.migrate();
      await store.migrate();

      expect(await store.readStream('account-1')).toHaveLength(1);
    });

    it('rolls back a whole large batch when one of its last events fails', async () => {
      const store = await aStore();
      const size = 1010;
      const batch = Array.from({ length: size }, (_, index) => anEvent('PaymentPosted', { index }));
      const clash = batch[size - 5];
      batch[size - 5] = { ...clash, metadata: { ...clash.metadata, eventId: batch[0].metadata.eventId } };

      await expect(store.appendToStream('ledger-1', batch, { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(DuplicateEventIdError);

      expect(await store.readStream('ledger-1')).toEqual([]);
      expect(await store.readAll()).toEqual([]);
    });

    it('refuses an event id that is already stored, in any stream', async () => {
      const store = await aStore();
      const event = anEvent('Once');
      await store.appendToStream('account-1', [event], { expectedVersion: 'no_stream' });

      await expect(store.appendToStream('account-2', [event], { expectedVersion: 'any' })).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readStream('account-2')).toEqual([]);
    });

    it('refuses malformed input before writing', async () => {
      const store = await aStore();
      await expect(store.appendToStream('account-1', [anEvent('A')], { expectedVersion: -1 })).rejects.toBeInstanceOf(RangeError);
      const badId = anEvent('A');
      badId.metadata.eventId = 'not-a-uuid';
      await expect(store.appendToStream('account-1', [badId], { expectedVersion: 'any' })).rejects.toThrow(/eventId must be a UUID/);
      const badTime = anEvent('A');
      badTime.metadata.occurredAt = 'yesterday';
      await expect(store.appendToStream('account-1', [badTime], { expectedVersion: 'any' })).rejects.toThrow(/occurredAt/);
      expect(await store.readAll()).toEqual([]);
    });

    it('returns the current head for an empty append after checking the expected version', async () => {
      const store = await aStore();
      expect(await store.appendToStream('account-1', [], { expectedVersion: 'no_stream' })).toEqual({ nextExpectedVersion: -1, lastGlobalPosition: -1n });
      const written = await store.appendToStream('account-1', [anEvent('A')], { expectedVersion: 'no_stream' });
      expect(await store.appendToStream('account-1', [], { expectedVersion: 0 })).toEqual(written);
      await expect(store.appendToStream('account-1', [], { expectedVersion: 'no_stream' })).rejects.toMatchObject({ name: 'WrongExpectedVersionError' });
    });
  });
}

export function randomSchema(): string {
  return `es_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

function anEvent(type: string, data: Record<string, unknown> = {}): EventToAppend {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      principal: { role: 'system', id: 'test' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2024-05-01T10:00:00.000Z',
    },
  };
}
