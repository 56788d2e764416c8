import { createInMemoryReadModelStore, ReadModelStore } from '@lib/read-models';
import { auditEventOf, auditTrailProjection } from '../../read-models/audit-trail.projection';
import { auditRecord } from '../../read-models/reporting.fixtures';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { GetAccountHistoryJsonHandler } from './get-account-history-json.handler';
import { GetAccountHistoryJson } from './get-account-history-json.query';
import { GetAccountHistoryHandler } from './get-account-history.handler';
import { GetAccountHistory } from './get-account-history.query';
import { AuditEntrySource, RememberedHistories } from './remembered-histories';

type AuditRecord = ReturnType<typeof auditRecord>;

/** The store, recording the filter of every find it is asked, and running `beforeFind` (once) before the next find. */
function watchedFinds(store: ReadModelStore) {
  const filters: Array<Record<string, unknown> | undefined> = [];
  let beforeFind: (() => Promise<void>) | undefined;
  const find: ReadModelStore['find'] = async (collection, filter, options) => {
    filters.push(filter);
    const hook = beforeFind;
    beforeFind = undefined;
    if (hook) await hook();
    return store.find(collection, filter, options);
  };
  return {
    store: Object.assign(Object.create(store) as ReadModelStore, { find }),
    filters,
    beforeNextFind: (hook: () => Promise<void>) => (beforeFind = hook),
  };
}

describe('the history answered as JSON', () => {
  const contact = (version: number, at: string, note = `note ${version}`) =>
    auditRecord('debtor-contact', 'acc-1', 'contact-acc-1', version, 'ContactAttemptRecorded', at, { note, 'odd.key': [version] });

  async function setUp() {
    const inner = createInMemoryReadModelStore();
    const watched = watchedFinds(inner);
    const deps = { readModels: watched.store } as unknown as ReportingDependencies;
    const apply = (...records: AuditRecord[]) => inner.apply(auditTrailProjection, records.map(auditEventOf));
    /** What the history made afresh from the store serialises to: what every answer must be. */
    const fresh = async () => JSON.stringify(await new GetAccountHistoryHandler({ readModels: inner } as unknown as ReportingDependencies).execute(new GetAccountHistory('acc-1')));
    // One handler per module in the app: the remembered histories live as long as it does.
    const handler = new GetAccountHistoryJsonHandler(deps);
    const ask = async (on = handler) => (await on.execute(new GetAccountHistoryJson('acc-1'))).toString('utf8');
    return { apply, fresh, ask, deps, ...watched };
  }

  it('is the same bytes as the history serialised, asked once or again', async () => {
    const { apply, fresh, ask } = await setUp();
    await apply(contact(0, '2026-06-01T09:00:00.000Z', 'first'), contact(1, '2026-06-02T09:00:00.000Z', 'ünïcode "quoted"'), auditRecord('payments', 'acc-2', 'ledger-acc-2', 0, 'PaymentPosted', '2026-06-01T09:00:00.000Z'));
    const expected = await fresh();
    expect(JSON.parse(expected)).toHaveLength(2);
    expect(await ask()).toBe(expected);
    expect(await ask()).toBe(expected);
  });

  it('answers an unchanged account without reading its entries, and a changed one reading only the entries recorded since the latest it holds', async () => {
    const { apply, fresh, ask, filters } = await setUp();
    await apply(contact(0, '2026-06-01T09:00:00.000Z'), contact(1, '2026-06-02T09:00:00.000Z'));
    await ask();
    expect(filters).toEqual([{ accountId: 'acc-1' }]);
    await ask();
    expect(filters).toHaveLength(1);

    await apply(contact(2, '2026-06-03T09:00:00.000Z'));
    const answer = await ask();
    expect(filters.slice(1)).toEqual([{ accountId: 'acc-1', occurredAt: { $gte: '2026-06-02T09:00:00.000Z' } }]);
    expect((JSON.parse(answer) as Array<{ version: number }>).map((entry) => entry.version)).toEqual([0, 1, 2]);
    expect(answer).toBe(await fresh());
  });

  it('puts a new entry where a fresh read puts it: before an entry of the same instant from a later service, after its cause', async () => {
    const { apply, fresh, ask, filters } = await setUp();
    const at = '2026-06-01T09:00:00.000Z';
    const payment = auditRecord('payments', 'acc-1', 'ledger-acc-1', 0, 'PaymentPosted', at);
    await apply(payment);
    await ask();
    // Same instant, a service ranked before payments: it sorts first, though it came later.
    await apply(auditRecord('client-intake', 'acc-1', 'account-acc-1', 0, 'AccountPlaced', at));
    const placedFirst = JSON.parse(await ask()) as Array<{ service: string }>;
    expect(placedFirst.map((entry) => entry.service)).toEqual(['client-intake', 'payments']);
    expect(JSON.stringify(placedFirst)).toBe(await fresh());
    // Of a service ranked before payments, but caused by the payment (a message of it): it must follow it.
    const plan = auditRecord('debtor-contact', 'acc-1', 'plans-acc-1', 0, 'PlanInstalmentPaid', at);
    await apply({ ...plan, metadata: { ...plan.metadata, causationId: `${payment.metadata.eventId}:PaymentPosted.v1` } });
    const answer = JSON.parse(await ask()) as Array<{ service: string }>;
    expect(answer.map((entry) => entry.service)).toEqual(['client-intake', 'payments', 'debtor-contact']);
    expect(JSON.stringify(answer)).toBe(await fresh());
    expect(filters).toEqual([{ accountId: 'acc-1' }, { accountId: 'acc-1', occurredAt: { $gte: at } }, { accountId: 'acc-1', occurredAt: { $gte: at } }]);
  });

  it('reads the history whole when an entry recorded earlier than the latest it holds arrives (another clock): the count does not add up', async () => {
    const { apply, fresh, ask, filters } = await setUp();
    await apply(contact(0, '2026-06-01T09:00:00.000Z'), contact(1, '2026-06-03T09:00:00.000Z'));
    await ask();
    await apply(auditRecord('payments', 'acc-1', 'ledger-acc-1', 0, 'PaymentPosted', '2026-06-02T09:00:00.000Z'));
    const answer = await ask();
    expect(JSON.parse(answer)).toHaveLength(3);
    expect(answer).toBe(await fresh());
    expect(filters.slice(1)).toEqual([{ accountId: 'acc-1', occurredAt: { $gte: '2026-06-03T09:00:00.000Z' } }, { accountId: 'acc-1' }]);
  });

  it('reads the history whole when an entry is written while only the new ones are read, so the answer is never of no single moment', async () => {
    const { apply, fresh, ask, filters, beforeNextFind } = await setUp();
    await apply(contact(0, '2026-06-01T09:00:00.000Z'), contact(1, '2026-06-03T09:00:00.000Z'));
    await ask();
    await apply(contact(2, '2026-06-04T09:00:00.000Z'));
    // Between the count that saw one more entry and the read of the new ones, an entry of
    // an earlier instant is written: that read cannot see it; the count after it does.
    beforeNextFind(() => apply(auditRecord('payments', 'acc-1', 'ledger-acc-1', 0, 'PaymentPosted', '2026-06-02T09:00:00.000Z')));
    const answer = await ask();
    expect(JSON.parse(answer)).toHaveLength(4);
    expect(answer).toBe(await fresh());
    expect(filters.slice(1)).toEqual([{ accountId: 'acc-1', occurredAt: { $gte: '2026-06-03T09:00:00.000Z' } }, { accountId: 'acc-1' }]);
  });

  it('answers the same after a restart (nothing remembered) as the process that kept adding to what it remembered', async () => {
    const { apply, fresh, ask, deps } = await setUp();
    for (let version = 0; version < 6; version++) {
      await apply(contact(version, `2026-06-0${version + 1}T09:00:00.000Z`), auditRecord('payments', 'acc-1', 'ledger-acc-1', version, 'PaymentPosted', `2026-06-0${version + 1}T09:00:00.000Z`));
      await ask();
    }
    const restarted = new GetAccountHistoryJsonHandler(deps);
    const kept = await ask();
    expect(JSON.parse(kept)).toHaveLength(12);
    expect(await ask(restarted)).toBe(kept);
    expect(kept).toBe(await fresh());
  });

  it('answers an account nothing is known of with an empty list, and later with what became known', async () => {
    const { apply, ask } = await setUp();
    expect(await ask()).toBe('[]');
    await apply(contact(0, '2026-06-01T09:00:00.000Z'));
    expect(JSON.parse(await ask())).toHaveLength(1);
  });
});

describe('remembered histories', () => {
  const entry = (id: string, bytes: number) => ({
    _id: id,
    service: 'payments',
    serviceRank: 2,
    accountId: 'a',
    streamId: 'ledger-a',
    version: Number(id.split(':').pop()),
    type: 'PaymentPosted',
    dataJson: JSON.stringify({ text: 'x'.repeat(bytes) }),
    metadata: { eventId: id, correlationId: id, causationId: id, occurredAt: '2026-06-01T09:00:00.000Z', principal: { role: 'system', id: 's' } },
    occurredAt: '2026-06-01T09:00:00.000Z',
  });
  /** A source of one entry of `bytes`, counting how often it is read whole. */
  function source(bytes: number, reads: { whole: number }, account: string): AuditEntrySource {
    return {
      all: async () => (reads.whole++, [entry(`${account}:0`, bytes)] as never),
      count: async () => 1,
      recordedSince: async () => [],
    };
  }

  it('keeps at most its bound of bytes, forgetting the accounts asked least recently first', async () => {
    const remembered = new RememberedHistories(8_000);
    const reads = { whole: 0 };
    const ask = (account: string) => remembered.answer(account, source(1_000, reads, account));
    await ask('a');
    await ask('b');
    await ask('a'); // remembered; now asked more recently than b
    expect(reads.whole).toBe(2);
    await ask('c'); // over the bound: b goes
    expect(remembered.size).toBeLessThanOrEqual(8_000);
    await ask('a');
    expect(reads.whole).toBe(3);
    await ask('b');
    expect(reads.whole).toBe(4);
  });

  it('does not keep a history larger than its bound', async () => {
    const remembered = new RememberedHistories(1_000);
    const reads = { whole: 0 };
    await remembered.answer('a', source(2_000, reads, 'a'));
    await remembered.answer('a', source(2_000, reads, 'a'));
    expect(reads.whole).toBe(2);
    expect(remembered.size).toBe(0);
  });
});
