import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import type { PGlite } from '@electric-sql/pglite';
import { TestClock } from '@lib/clock';
import { AccountClosed, AccountPlaced, AccountPlacedV2, AccountRecalled, AUDIT_EVENTS, CONTACT_CASES, Contract } from '@lib/contracts';
import type { CommandContext } from '@lib/es-core';
import { createPglite, PgliteEventStore } from '@lib/event-store';
import { MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import type { ClockControl } from '@lib/platform';
import { createInMemoryReadModelStore, createMongoReadModelStore, createPgliteReadModelStore, ReadModelStore } from '@lib/read-models';
import { throwawayDatabase } from '@lib/read-models/testing/throwaway-database';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { ApplyCadenceHold } from './application/apply-cadence-hold/apply-cadence-hold.command';
import { DebtorContactModule } from './debtor-contact.module';
import { MONDAY_10_NEW_YORK, placedData } from './debtor-contact.e2e.fixtures';

const WAIT = { timeoutMs: 5_000 };
const DAY_MS = 86_400_000;
const day = (n: number, hours = 0) => new Date(Date.parse(MONDAY_10_NEW_YORK) + n * DAY_MS + hours * 3_600_000).toISOString();

/** Polls an asynchronous check until it holds (the service works off its bus and its own log). */
async function eventually(label: string, check: () => Promise<boolean>, { timeoutMs } = WAIT): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const READ_MODEL_STORES: Array<[string, () => Promise<{ store: ReadModelStore; close: () => Promise<void> }>]> = [
  ['in-memory read models', async () => ({ store: createInMemoryReadModelStore(), close: async () => undefined })],
  [
    'SQL read models on PGlite',
    async () => {
      const db: PGlite = await createPglite();
      return { store: await createPgliteReadModelStore({ db, schema: 'rm_debtor_contact' }), close: () => db.close() };
    },
  ],
  [
    'MongoDB-wire read models (the distributed mode\'s store)',
    async () => {
      const url = process.env.MONGO_URL;
      if (!url) throw new Error('MONGO_URL is not set: run `set -a; . .infra/env; set +a` (the servers of the int and e2e tiers)');
      const { dbName, drop } = throwawayDatabase(url, 'rm_debtor_contact');
      const store = await createMongoReadModelStore({ url, dbName });
      return { store, close: async () => { await store.close(); await drop(); } };
    },
  ],
];

describe.each(READ_MODEL_STORES)('contact strategies and the work queue over HTTP (PGlite event store, in-process bus, test clock, %s)', (_name, readModelStore) => {
  let store: PgliteEventStore;
  let bus: MessageBus;
  let clock: TestClock;
  let clockControl: ClockControl;
  let http: HttpClient;
  let commands: CommandBus;
  let published: ReturnType<Awaited<ReturnType<typeof startServiceUnderTest>>['received']>;
  let close: () => Promise<void>;
  let closeReadModels: () => Promise<void>;

  beforeAll(async () => {
    const readModels = await readModelStore();
    closeReadModels = readModels.close;
    const sut = await startServiceUnderTest({
      name: 'debtor-contact',
      clockStart: MONDAY_10_NEW_YORK,
      module: (deps) => DebtorContactModule.register(deps, undefined, readModels.store),
      listenTo: [CONTACT_CASES, AUDIT_EVENTS],
    });
    ({ store, bus, clock, http, close } = sut);
    clockControl = sut.deps.clockControl;
    commands = sut.app.get(CommandBus);
    published = sut.received(CONTACT_CASES);
  });
  beforeEach(() => clock.set(MONDAY_10_NEW_YORK));
  afterAll(async () => {
    await close();
    await closeReadModels();
  });

  /**
   * Moves the test clock and ticks the schedulers until nothing more is due: a step taken
   * books the next, which a jump past both leaves due at once (the running service's
   * scheduler timer takes it the next second).
   */
  async function moveClockTo(instant: string): Promise<void> {
    clock.set(instant);
    for (let round = 0; round < 20; round++) {
      let fired = 0;
      for (const scheduler of clockControl.schedulers) fired += await scheduler.tick();
      if (fired === 0) return;
    }
    throw new Error('the schedulers still fire after 20 ticks');
  }

  async function publish<Data>(contract: Contract<Data>, key: string, value: Data): Promise<void> {
    const headers = { 'message-type': contract.type, 'message-id': randomUUID(), 'correlation-id': `corr-${key}`, 'causation-id': 'c', 'source-stream': `account-${key}`, 'source-version': '0' };
    await bus.publish([{ topic: contract.topic, key, value, headers }]);
  }

  const publishedOf = (accountId: string, type: string) => published.filter((m) => m.key === accountId && m.headers['message-type'] === type);
  const waitForPublished = (accountId: string, type: string, count = 1) =>
    waitFor(`${count} ${type} for ${accountId}`, () => publishedOf(accountId, type).length >= count, WAIT, () => `seen ${publishedOf(accountId, type).length}`);
  const cadenceOf = async (accountId: string) => (await store.readStream(`cadence-${accountId}`)).map((e) => (e.type === 'CadenceStepTaken' ? `${e.type}:${String(e.data.action)}` : e.type));
  const queuedTemplates = async (accountId: string) =>
    (await store.readStream(`contact-${accountId}`)).filter((e) => e.type === 'MessageQueued').map((e) => String(e.data.templateId));

  async function placeAccount(overrides: Partial<AccountPlacedV2> = {}): Promise<string> {
    const accountId = randomUUID();
    await publish(AccountPlaced, accountId, { ...placedData(accountId), ...overrides });
    await waitForPublished(accountId, 'NoticeSent.v1');
    await eventually(`the cadence of ${accountId}`, async () => (await cadenceOf(accountId)).length >= 2);
    return accountId;
  }

  const queueOf = async (collector = 'collector-7', limit = 200) =>
    (await http.get(`/work-queue?limit=${limit}`).set('authorization', staff('collector', collector)).expect(200)).body as {
      entries: Array<{ accountId: string; band: string; assignedToYou: boolean; reasons: Array<{ code: string }> }>;
    };
  const positionOf = (queue: Awaited<ReturnType<typeof queueOf>>, accountId: string) => queue.entries.findIndex((entry) => entry.accountId === accountId);
  const hold = (accountId: string, change: 'placed' | 'lifted', at: string) => {
    const context: CommandContext = { principal: { role: 'system', id: 'holds' }, correlationId: `hold-${change}-${accountId}`, causationId: `hold-${change}-${accountId}`, now: new Date(at), newId: randomUUID };
    return commands.execute(new ApplyCadenceHold(accountId, 'hold-1', change, at, context));
  };

  it('runs the default commercial cadence over the test clock, paused by a hold in the middle and resumed where it was', async () => {
    const accountId = await placeAccount();
    expect(await cadenceOf(accountId)).toEqual(['CadenceStarted', 'CadenceStepTaken:first-notice']);
    const [started] = await store.readStream(`cadence-${accountId}`);
    expect(started.data).toMatchObject({ strategyId: 'default-commercial', reason: 'default for commercial accounts', startedAt: MONDAY_10_NEW_YORK });

    // Day 3: the call step puts the account in the work queue as a call due.
    await moveClockTo(day(3));
    expect(await cadenceOf(accountId)).toEqual(['CadenceStarted', 'CadenceStepTaken:first-notice', 'CadenceStepTaken:call']);
    const afterCall = await queueOf();
    expect(afterCall.entries[positionOf(afterCall, accountId)]).toMatchObject({ band: 'call-due', reasons: expect.arrayContaining([{ code: 'call-due', detail: `the contact strategy called for a call on ${day(3).slice(0, 10)}` }]) });

    // Day 5: a hold; the day-10 second demand does not go out while it lasts.
    await hold(accountId, 'placed', day(5));
    await moveClockTo(day(10));
    await moveClockTo(day(14));
    expect(await cadenceOf(accountId)).toEqual(['CadenceStarted', 'CadenceStepTaken:first-notice', 'CadenceStepTaken:call', 'CadencePaused']);
    expect(await queuedTemplates(accountId)).toEqual(['first-demand']);

    // Day 15: lifted. The second demand was 5 days away when the hold came: it is 5 days after the lift.
    await hold(accountId, 'lifted', day(15));
    const resumed = (await store.readStream(`cadence-${accountId}`)).at(-1)!;
    expect(resumed).toMatchObject({ type: 'CadenceResumed', data: { heldMs: 10 * DAY_MS, nextStep: 2, nextDueAt: day(20) } });
    await moveClockTo(day(19, 23));
    expect(await queuedTemplates(accountId)).toEqual(['first-demand']);
    await moveClockTo(day(20));
    expect(await queuedTemplates(accountId)).toEqual(['first-demand', 'second-demand']);
    await eventually('the second demand sent', async () => {
      const letters = (await http.get(`/accounts/${accountId}/letters`).set('authorization', staff('collector')).expect(200)).body as Array<{ templateId: string; status: string }>;
      return letters.some((letter) => letter.templateId === 'second-demand' && letter.status === 'sent');
    });

    // Every later step 10 days later than its day: call on day 30, final demand on 40, legal review on 55.
    await moveClockTo(day(30));
    await moveClockTo(day(40));
    expect(await queuedTemplates(accountId)).toEqual(['first-demand', 'second-demand', 'final-demand']);
    await moveClockTo(day(54));
    expect((await cadenceOf(accountId)).at(-1)).toBe('CadenceStepTaken:final-demand');
    await moveClockTo(day(55));
    expect(await cadenceOf(accountId)).toEqual([
      'CadenceStarted',
      'CadenceStepTaken:first-notice',
      'CadenceStepTaken:call',
      'CadencePaused',
      'CadenceResumed',
      'CadenceStepTaken:second-demand',
      'CadenceStepTaken:call',
      'CadenceStepTaken:final-demand',
      'CadenceStepTaken:legal-review',
      'CadenceFinished',
    ]);
    const steps = (await store.readStream(`cadence-${accountId}`)).filter((e) => e.type === 'CadenceStepTaken').map((e) => [e.data.action, e.data.dueAt]);
    expect(steps).toEqual([['first-notice', MONDAY_10_NEW_YORK], ['call', day(3)], ['second-demand', day(20)], ['call', day(30)], ['final-demand', day(40)], ['legal-review', day(55)]]);
  });

  it('stops the cadence when the case closes: no step is taken after, its next step\'s work is cancelled', async () => {
    const accountId = await placeAccount();
    await moveClockTo(day(3));
    expect(await cadenceOf(accountId)).toEqual(['CadenceStarted', 'CadenceStepTaken:first-notice', 'CadenceStepTaken:call']);
    clock.set(day(4));
    await publish(AccountClosed, accountId, { accountId, clientId: 'client-1', closingCode: 'recalled', closedAt: day(4) });
    await eventually('the cadence stopped', async () => (await cadenceOf(accountId)).includes('CadenceStopped'));
    const stopped = (await store.readStream(`cadence-${accountId}`)).at(-1)!;
    expect(stopped.data).toEqual({ accountId, clientId: 'client-1', closingCode: 'recalled', stoppedAt: day(4), nextStep: 2 });
    await moveClockTo(day(60));
    expect(await cadenceOf(accountId)).toEqual(['CadenceStarted', 'CadenceStepTaken:first-notice', 'CadenceStepTaken:call', 'CadenceStopped']);
    expect(await queuedTemplates(accountId)).toEqual(['first-demand']);
    expect(positionOf(await queueOf(), accountId)).toBe(-1);
  });

  it('moves an account up the queue when its promise breaks, and a supervisor’s assignment puts it first for that collector', async () => {
    const big = await placeAccount({ placedAmount: 9_000_000, buckets: { principal: 9_000_000, interest: 0, fees: 0, costs: 0 } });
    const small = await placeAccount({ placedAmount: 50_000, buckets: { principal: 50_000, interest: 0, fees: 0, costs: 0 } });
    const before = await queueOf('collector-9');
    expect(positionOf(before, big)).toBeGreaterThanOrEqual(0);
    expect(positionOf(before, big)).toBeLessThan(positionOf(before, small));

    // A promise on the small account, due 2026-01-07; nothing paid by its deadline.
    await http
      .post(`/cases/${small}/contacts`)
      .set('authorization', staff('collector', 'collector-9'))
      .send({ channel: 'call', direction: 'outbound', outcome: 'right-party-contact', promise: { amount: 50_000, currency: 'USD', dueDate: '2026-01-07' } })
      .expect(201);
    await eventually('the promise tracked', async () => (await store.readStream(`promises-${small}`)).length > 0);
    await moveClockTo('2026-01-07T15:00:00.000Z');
    const dueToday = await queueOf('collector-9');
    expect(dueToday.entries[positionOf(dueToday, small)]).toMatchObject({ band: 'promise-due-today' });
    expect(positionOf(dueToday, small)).toBeLessThan(positionOf(dueToday, big));

    await moveClockTo('2026-01-11T12:00:00.000Z');
    await waitForPublished(small, 'PromiseBroken.v1');
    const broken = await queueOf('collector-9');
    expect(broken.entries[positionOf(broken, small)]).toMatchObject({ band: 'broken-promise', reasons: expect.arrayContaining([expect.objectContaining({ code: 'broken-promise' })]) });
    expect(positionOf(broken, small)).toBeLessThan(positionOf(broken, big));

    // Assigned to collector-5, the big account heads their queue and leaves everyone else's pool.
    const assigned = await http.post(`/accounts/${big}/assignment`).set('authorization', staff('supervisor', 'sup-1')).send({ collectorId: 'collector-5' }).expect(200);
    expect(assigned.body).toEqual({ accountId: big, collectorId: 'collector-5', previousCollectorId: null, assignedBy: 'sup-1', assignedAt: '2026-01-11T12:00:00.000Z' });
    const theirs = await queueOf('collector-5');
    expect(theirs.entries[0]).toMatchObject({ accountId: big, assignedToYou: true });
    expect(positionOf(await queueOf('collector-9'), big)).toBe(-1);
    await http.post(`/accounts/${randomUUID()}/assignment`).set('authorization', staff('supervisor')).send({ collectorId: 'collector-5' }).expect(404);
    await http.post(`/accounts/${big}/assignment`).set('authorization', staff('collector')).send({ collectorId: 'collector-5' }).expect(403);
    await http.post(`/accounts/${big}/assignment`).set('authorization', staff('supervisor')).send({}).expect(400);
    await http.get('/work-queue?limit=0').set('authorization', staff('collector')).expect(400);
  });

  it('chooses a client’s own strategy by its segment rules', async () => {
    const clientId = randomUUID();
    const definition = {
      strategies: [{ strategyId: 'calls-first', name: 'Calls first', steps: [{ day: 0, action: 'first-notice' }, { day: 1, action: 'call' }, { day: 2, action: 'final-demand' }] }],
      rules: [{ strategyId: 'calls-first', commercial: true, minBalance: 1_000_000 }],
    };
    const defined = await http.post(`/clients/${clientId}/strategies`).set('authorization', staff('admin')).send(definition).expect(201);
    expect(defined.body).toMatchObject({ clientId, version: 1, definedBy: 'admin-1' });
    const refused = await http.post(`/clients/${clientId}/strategies`).set('authorization', staff('supervisor')).send({ ...definition, rules: [{ strategyId: 'nope' }] }).expect(422);
    expect(refused.body).toMatchObject({ rule: 'strategy-unknown' });

    const large = await placeAccount({ clientId, placedAmount: 2_000_000, buckets: { principal: 2_000_000, interest: 0, fees: 0, costs: 0 } });
    const [started] = await store.readStream(`cadence-${large}`);
    expect(started.data).toMatchObject({ strategyId: 'calls-first', reason: 'client rule 1 (commercial, balance >= 1000000)' });
    await moveClockTo(day(2));
    expect(await queuedTemplates(large)).toEqual(['first-demand', 'final-demand']);
  });

  it('shows supervisors a recall forced past its refusals on the approval queue', async () => {
    const accountId = await placeAccount();
    await publish(AccountRecalled, accountId, {
      accountId, clientId: 'client-1', workBegan: true, balanceRecalled: 750_050, currency: 'USD', cancellationFee: 0, agreementVersion: null,
      forced: { reason: 'client insists', overrides: ['recall-payment-in-progress'] }, recalledAt: day(1),
    });
    await eventually('the forced recall noted', async () => (await store.readStream(`approval-forced-recall-${accountId}`)).length === 2);
    const approvals = (await http.get('/approvals').set('authorization', staff('supervisor')).expect(200)).body as Array<Record<string, unknown>>;
    expect(approvals).toContainEqual({
      approvalId: `forced-recall-${accountId}`, kind: 'forced-recall', accountId, clientId: 'client-1', amount: 750_050, currency: 'USD',
      reason: 'client insists (overrode: recall-payment-in-progress)', requestedBy: 'client-1', requestedAt: day(1), status: 'approved', decidedBy: 'supervisor (client intake)', decidedAt: day(1),
    });
    await http.get('/approvals').set('authorization', staff('collector')).expect(403);
  });
});
