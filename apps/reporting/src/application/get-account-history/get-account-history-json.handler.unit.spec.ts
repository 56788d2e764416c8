import { createInMemoryReadModelStore, ReadModelStore } from '@lib/read-models';
import { auditEventOf, auditTrailProjection } from '../../read-models/audit-trail.projection';
import { auditRecord } from '../../read-models/reporting.fixtures';
import type { ReportingDependencies } from '../../reporting.dependencies';
import { GetAccountHistoryJsonHandler } from './get-account-history-json.handler';
import { GetAccountHistoryJson } from './get-account-history-json.query';
import { GetAccountHistoryHandler } from './get-account-history.handler';
import { GetAccountHistory } from './get-account-history.query';
import { RememberedHistories } from './remembered-histories';

/** Counts the reads of whole entries the store is asked for. */
function countingFinds(store: ReadModelStore): { store: ReadModelStore; finds: () => number } {
  let finds = 0;
  const find: ReadModelStore['find'] = (...args) => {
    finds += 1;
    return store.find(...args);
  };
  return { store: Object.assign(Object.create(store) as ReadModelStore, { find }), finds: () => finds };
}

describe('the history answered as JSON', () => {
  const record = (version: number, note: string) => auditRecord('debtor-contact', 'acc-1', 'contact-acc-1', version, 'ContactAttemptRecorded', `2026-06-0${version + 1}T09:00:00.000Z`, { note, 'odd.key': [version] });

  async function setUp() {
    const inner = createInMemoryReadModelStore();
    const { store, finds } = countingFinds(inner);
    const deps = { readModels: store } as unknown as ReportingDependencies;
    const apply = (...records: ReturnType<typeof record>[]) => inner.apply(auditTrailProjection, records.map(auditEventOf));
    const entries = () => new GetAccountHistoryHandler(deps).execute(new GetAccountHistory('acc-1'));
    // One handler per module in the app: the remembered answers live as long as it does.
    return { apply, finds, entries, handler: new GetAccountHistoryJsonHandler(deps) };
  }

  it('is the same bytes as the history serialised, asked once or again', async () => {
    const { apply, entries, handler } = await setUp();
    await apply(record(0, 'first'), record(1, 'ünïcode "quoted"'), auditRecord('payments', 'acc-2', 'ledger-acc-2', 0, 'PaymentPosted', '2026-06-01T09:00:00.000Z'));
    const expected = JSON.stringify(await entries());
    expect(JSON.parse(expected)).toHaveLength(2);
    expect((await handler.execute(new GetAccountHistoryJson('acc-1'))).toString('utf8')).toBe(expected);
    expect((await handler.execute(new GetAccountHistoryJson('acc-1'))).toString('utf8')).toBe(expected);
  });

  it('answers an unchanged account again without reading its entries, and a changed one with the new entry', async () => {
    const { apply, entries, finds, handler } = await setUp();
    await apply(record(0, 'first'));
    await handler.execute(new GetAccountHistoryJson('acc-1'));
    const readsAfterFirst = finds();
    await handler.execute(new GetAccountHistoryJson('acc-1'));
    expect(finds()).toBe(readsAfterFirst);

    await apply(record(1, 'second'));
    const answer = JSON.parse((await handler.execute(new GetAccountHistoryJson('acc-1'))).toString('utf8')) as Array<{ version: number }>;
    expect(answer.map((entry) => entry.version)).toEqual([0, 1]);
    expect(JSON.stringify(answer)).toBe(JSON.stringify(await entries()));
  });

  it('answers an account nothing is known of with an empty list, and later with what became known', async () => {
    const { apply, handler } = await setUp();
    expect((await handler.execute(new GetAccountHistoryJson('acc-1'))).toString('utf8')).toBe('[]');
    await apply(record(0, 'first'));
    expect(JSON.parse((await handler.execute(new GetAccountHistoryJson('acc-1'))).toString('utf8'))).toHaveLength(1);
  });
});

describe('remembered histories', () => {
  const history = (entries: number, bytesEach: number) => Array.from({ length: entries }, () => ({ text: 'x'.repeat(bytesEach) }));

  it('keeps at most its bound of bytes, forgetting the accounts asked least recently first', async () => {
    const remembered = new RememberedHistories(2_500);
    let built = 0;
    const ask = (accountId: string) =>
      remembered.answer(accountId, async () => 1, async () => {
        built += 1;
        return history(1, 1_000);
      });
    await ask('a');
    await ask('b');
    await ask('a'); // remembered; now asked more recently than b
    expect(built).toBe(2);
    await ask('c'); // over the bound: b goes
    expect(remembered.size).toBeLessThanOrEqual(2_500);
    await ask('a');
    expect(built).toBe(3);
    await ask('b');
    expect(built).toBe(4);
  });

  it('does not keep an answer larger than its bound', async () => {
    const remembered = new RememberedHistories(100);
    let built = 0;
    const ask = () => remembered.answer('a', async () => 1, async () => (built++, history(1, 500)));
    await ask();
    await ask();
    expect(built).toBe(2);
    expect(remembered.size).toBe(0);
  });
});
