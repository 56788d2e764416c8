import { TestClock } from '@lib/clock';
import { CommandContext } from '@lib/es-core';
import { createPgliteEventStore, PgliteEventStore } from '@lib/event-store';
import { createInProcessMessageBus } from '@lib/message-bus';
import { Refused } from '@lib/platform';
import { contactStreamId } from '../../debtor-contact.dependencies';
import { ContactCaseEvent } from '../../domain/contact-case/contact-case.events';
import { closedPaid, firstDemand, opened } from '../../domain/contact-case/contact-case.fixtures';
import { RecordContact } from './record-contact.command';
import { RecordContactHandler } from './record-contact.handler';
import type { RecordContactRequest } from './record-contact.request.dto';

/**
 * A retry whose first answer was lost (the Idempotency-Key's answer was never stored, or
 * the retry reached another replica) reaches the handler again with the same causation:
 * it must answer what the first run decided, from the events that run stored.
 */
describe('recording a contact twice under one causation (PGlite)', () => {
  const SATURDAY_10_NEW_YORK = new Date('2026-01-10T15:00:00.000Z');
  const MONDAY_10_NEW_YORK = new Date('2026-01-05T15:00:00.000Z');
  let store: PgliteEventStore;
  let handler: RecordContactHandler;
  let ids = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

  beforeAll(async () => {
    store = await createPgliteEventStore();
    handler = new RecordContactHandler({ eventStore: store, bus: createInProcessMessageBus(), clock: new TestClock(MONDAY_10_NEW_YORK), newId });
  });
  afterAll(() => store.close());

  const context = (now: Date): CommandContext => ({
    principal: { role: 'collector', id: 'collector-7' },
    correlationId: 'corr-1',
    causationId: 'idempotency:collector:collector-7:key-1',
    now,
    newId,
    dedupeByCausation: true,
  });
  const seed = async (accountId: string, events: ContactCaseEvent[] = [opened(undefined, { accountId }), firstDemand]) =>
    store.appendToStream(
      contactStreamId(accountId),
      events.map((event) => ({ ...event, metadata: { eventId: newId(), principal: { role: 'system' as const, id: 'integration' }, correlationId: 'seed', causationId: `seed-${newId()}`, occurredAt: MONDAY_10_NEW_YORK.toISOString() } })),
      { expectedVersion: 'no_stream' },
    );
  const refusalOf = async (run: Promise<unknown>) => {
    const error = await run.then(() => undefined, (thrown: unknown) => thrown);
    if (!(error instanceof Refused)) throw new Error(`expected a refusal, got ${String(error)}`);
    return { rule: error.rule, status: error.status, detail: error.message };
  };
  const types = async (accountId: string) => (await store.readStream(contactStreamId(accountId))).map((event) => event.type);
  const call: RecordContactRequest = { channel: 'call', direction: 'outbound', outcome: 'no-answer' };

  it('refuses a call outside the window again, by the same rule, recording the refusal once', async () => {
    await seed('acc-1');
    const first = await refusalOf(handler.execute(new RecordContact('acc-1', call, context(SATURDAY_10_NEW_YORK))));
    const again = await refusalOf(handler.execute(new RecordContact('acc-1', call, context(SATURDAY_10_NEW_YORK))));
    expect(first).toEqual({ rule: 'call-window', status: 422, detail: expect.stringContaining('it is Saturday 10:00 there') });
    expect(again).toEqual(first);
    expect(await types('acc-1')).toEqual(['ContactCaseOpened', 'NoticeSent', 'ContactAttemptRefused']);
  });

  it('refuses a contact on a closed case again as a conflict (409 case-closed)', async () => {
    await seed('acc-2', [opened(undefined, { accountId: 'acc-2' }), firstDemand, { ...closedPaid, data: { ...closedPaid.data, accountId: 'acc-2' } }]);
    const first = await refusalOf(handler.execute(new RecordContact('acc-2', call, context(MONDAY_10_NEW_YORK))));
    const again = await refusalOf(handler.execute(new RecordContact('acc-2', call, context(MONDAY_10_NEW_YORK))));
    expect(first).toMatchObject({ rule: 'case-closed', status: 409 });
    expect(again).toEqual(first);
    expect((await types('acc-2')).filter((type) => type === 'ContactAttemptRefused')).toHaveLength(1);
  });

  it('answers an allowed contact with the ids it was first recorded under', async () => {
    await seed('acc-3');
    const request: RecordContactRequest = { ...call, outcome: 'right-party-contact', promise: { amount: 100, currency: 'USD', dueDate: '2026-01-20' } };
    const first = await handler.execute(new RecordContact('acc-3', request, context(MONDAY_10_NEW_YORK)));
    const again = await handler.execute(new RecordContact('acc-3', request, context(MONDAY_10_NEW_YORK)));
    expect(first).toMatchObject({ accountId: 'acc-3', attemptId: expect.any(String), promiseId: expect.any(String), rightPartyContact: true });
    expect(again).toEqual(first);
    expect(await types('acc-3')).toEqual(['ContactCaseOpened', 'NoticeSent', 'ContactAttemptRecorded', 'PromiseToPayMade']);
  });

  it('answers an unknown case 404 (case-unknown), writing nothing', async () => {
    expect(await refusalOf(handler.execute(new RecordContact('acc-4', call, context(MONDAY_10_NEW_YORK))))).toMatchObject({ rule: 'case-unknown', status: 404 });
    expect(await types('acc-4')).toEqual([]);
  });
});
