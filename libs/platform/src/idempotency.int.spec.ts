import { randomUUID } from 'node:crypto';
import { TestClock } from '@lib/clock';
import type { Principal } from '@lib/es-core';
import { createPgliteEventStore, PgliteEventStore } from '@lib/event-store';
import { answerOnce, CommandAnswer, fingerprintOf, idempotencyStreamId, RecordedAnswer } from './idempotency';

describe('answering a keyed request once (PGlite event store)', () => {
  let store: PgliteEventStore;
  const clock = new TestClock('2026-06-01T09:00:00.000Z');
  const accountant: Principal = { role: 'accountant', id: 'acc-1' };

  // One store for the file: every test uses keys of its own, and PGlite is slow to start.
  beforeAll(async () => {
    store = await createPgliteEventStore();
  });
  afterAll(() => store.close());

  /** Sends a request through answerOnce; `runs` counts how often the command itself ran. */
  async function send(request: Partial<HttpRequest>, answer: () => Promise<CommandAnswer> = async () => ({ status: 201, body: { id: randomUUID() } })) {
    const sent = { principal: accountant, method: 'POST', originalUrl: '/payments', body: { amount: 100, currency: 'USD' }, ...request };
    let runs = 0;
    const answer_ = await answerOnce(store, sent.principal, sent.key, clock.now(), () => {
      runs += 1;
      return answer();
    }, fingerprintOf(sent));
    const answered: RecordedAnswer = answer_.onlyNow ?? { status: answer_.status, body: answer_.body };
    return { answered, runs };
  }

  it('answers a retry of the same request with the first answer, whatever the order of its fields, without running it again', async () => {
    const first = await send({ key: 'k-1', body: { amount: 100, currency: 'USD', meta: { a: 1, b: [1, 2] } } });
    const retry = await send({ key: 'k-1', body: { meta: { b: [1, 2], a: 1 }, currency: 'USD', amount: 100 } });
    expect(retry).toEqual({ answered: first.answered, runs: 0 });
  });

  it('refuses a key reused for a request with another body with 422, naming the key, and runs nothing', async () => {
    await send({ key: 'k-2' });
    const before = (await store.readAll()).length;
    const reused = await send({ key: 'k-2', body: { amount: 200, currency: 'USD' } });
    expect(reused.runs).toBe(0);
    expect(reused.answered).toEqual({
      status: 422,
      body: {
        type: 'urn:collections:problem:idempotency-key-reused',
        title: 'Unprocessable Entity',
        status: 422,
        rule: 'idempotency-key-reused',
        idempotencyKey: 'k-2',
        detail: 'Idempotency-Key "k-2" was first used for a different request; send a new key with a new request',
      },
    });
    expect((await store.readAll()).length).toBe(before);
  });

  it('refuses a key reused on another path or with another method', async () => {
    await send({ key: 'k-3', originalUrl: '/payments/p-1/reversal', body: { reason: 'nsf' } });
    expect((await send({ key: 'k-3', originalUrl: '/payments/p-2/reversal', body: { reason: 'nsf' } })).answered.status).toBe(422);
    expect((await send({ key: 'k-3', method: 'PUT', originalUrl: '/payments/p-1/reversal', body: { reason: 'nsf' } })).answered.status).toBe(422);
    expect((await send({ key: 'k-3', originalUrl: '/payments/p-1/reversal', body: { reason: 'nsf' } })).answered.status).toBe(201);
  });

  it('refuses another request with the key of one still running, once the first has answered, and does not run it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const firstRunning = new Promise<void>((resolve) => (started = resolve));
    const first = send({ key: 'k-4' }, async () => {
      started();
      await gate;
      return { status: 201, body: { id: 'first' } };
    });
    await firstRunning;
    const second = send({ key: 'k-4', body: { amount: 999, currency: 'USD' } });
    release();
    expect(await first).toMatchObject({ runs: 1, answered: { status: 201, body: { id: 'first' } } });
    expect(await second).toMatchObject({ runs: 0, answered: { status: 422, body: { rule: 'idempotency-key-reused' } } });
  });

  it('runs a request again after a failure that stored no answer, and keeps the key for it', async () => {
    await send({ key: 'k-5' }, async () => ({ status: 503, body: { status: 503 } }));
    const retry = await send({ key: 'k-5' });
    expect(retry).toMatchObject({ runs: 1, answered: { status: 201 } });
    expect((await send({ key: 'k-5', body: { amount: 1, currency: 'USD' } })).answered.status).toBe(422);
  });

  it.each([404, 400])('writes nothing for a request answered %i, the key included: it pins nothing and leaks nothing', async (status) => {
    const before = (await store.readAll()).length;
    const refused = await send({ key: `k-${status}`, originalUrl: '/accounts/another-clients-account/legal-authorization' }, async () => ({ status, body: { status } }));
    expect(refused).toEqual({ runs: 1, answered: { status, body: { status } } });
    expect((await store.readAll()).length).toBe(before);
    // The key is free: a later, different request under it runs and is not told what the key was used for.
    const later = await send({ key: `k-${status}` });
    expect(later).toMatchObject({ runs: 1, answered: { status: 201 } });
  });

  it('keeps a refusal by a business rule (409, 422) for retries, like a success', async () => {
    const refuse = async () => ({ status: 409, body: { rule: 'account-paid' } });
    await send({ key: 'k-409' }, refuse);
    expect(await send({ key: 'k-409' })).toEqual({ runs: 0, answered: { status: 409, body: { rule: 'account-paid' } } });
  });

  it('answers a retry of a request whose claim an earlier version stored but which never answered', async () => {
    const fingerprint = fingerprintOf({ method: 'POST', originalUrl: '/payments', body: { amount: 100, currency: 'USD' } });
    await store.appendToStream(
      idempotencyStreamId(accountant, 'k-claimed'),
      [{ type: 'RequestReceived', data: { request: fingerprint }, metadata: { eventId: randomUUID(), principal: accountant, correlationId: 'k-claimed', causationId: 'k-claimed', occurredAt: clock.now().toISOString() } }],
      { expectedVersion: 'no_stream' },
    );
    const retry = await send({ key: 'k-claimed' });
    expect(retry).toMatchObject({ runs: 1, answered: { status: 201 } });
    expect(await send({ key: 'k-claimed' })).toEqual({ runs: 0, answered: retry.answered });
  });

  it('lets another principal use the same key for its own request', async () => {
    await send({ key: 'k-6' });
    const other = await send({ key: 'k-6', principal: { role: 'accountant', id: 'acc-2' }, body: { amount: 5, currency: 'USD' } });
    expect(other).toMatchObject({ runs: 1, answered: { status: 201 } });
  });

  it('shows a one-time answer to its first caller only and never stores it: a retry gets the stored answer', async () => {
    const once = async () => ({ status: 409, body: { rule: 'already-shown' }, onlyNow: { status: 201, body: { secret: 's3cr3t-value' } } });
    expect((await send({ key: 'k-7' }, once)).answered).toEqual({ status: 201, body: { secret: 's3cr3t-value' } });
    expect((await send({ key: 'k-7' }, once)).answered).toEqual({ status: 409, body: { rule: 'already-shown' } });
    expect(JSON.stringify((await store.readAll()).map(({ data, metadata }) => ({ data, metadata })))).not.toContain('s3cr3t-value');
  });

  it('still replays an answer stored before requests were fingerprinted', async () => {
    await store.appendToStream(
      idempotencyStreamId(accountant, 'k-old'),
      [{ type: 'RequestAnswered', data: { status: 201, body: { id: 'stored-earlier' } }, metadata: { eventId: randomUUID(), principal: accountant, correlationId: 'k-old', causationId: 'k-old', occurredAt: clock.now().toISOString() } }],
      { expectedVersion: 'no_stream' },
    );
    expect(await send({ key: 'k-old' })).toEqual({ runs: 0, answered: { status: 201, body: { id: 'stored-earlier' } } });
  });
});

interface HttpRequest {
  principal: Principal;
  method: string;
  originalUrl: string;
  body: unknown;
  key: string;
}
