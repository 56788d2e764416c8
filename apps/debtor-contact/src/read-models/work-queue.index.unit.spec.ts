import { ProjectedEvent } from '@lib/read-models';
import { memoryAfterGc } from '@lib/es-core/testing/memory-after-gc';
import { WorkQueueIndex } from './work-queue.index';
import { QueueInstant, rankCandidates } from './work-queue.priority';
import { BANDS, WorkQueueEntryDoc, workQueueProjection } from './work-queue.projection';

/** Monday 2026-03-02, 15:00 UTC: 10:00 in New York, 07:00 in California. */
const NOW = new Date('2026-03-02T15:00:00.000Z');
const PLACES = [{ country: 'US', region: 'NY' }, { country: 'US', region: 'CA' }, { country: 'US', region: 'TX' }, { country: 'GB' }, { country: 'ZZ' }];

/** A deterministic spread of accounts: every band, both windows, promises due today and not, three assignees. */
function portfolio(size: number, seed = 7): WorkQueueEntryDoc[] {
  let state = seed;
  const random = (n: number) => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) % n;
  const docs: WorkQueueEntryDoc[] = [];
  for (let n = 0; n < size; n++) {
    const accountId = `acc-${String(n).padStart(4, '0')}`;
    const at = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
    const events: ProjectedEvent[] = [
      { streamId: `contact-${accountId}`, version: 0, type: 'ContactCaseOpened', data: { accountId, clientId: 'c', commercial: true, debtor: { kind: random(3) === 0 ? 'person' : 'company', legalName: accountId, ...PLACES[random(PLACES.length)] }, currency: 'USD', placedAmount: 1_000 * (1 + random(20)), openedAt: at(1 + random(30)) }, metadata: {} },
    ];
    // Some contacted (the last contact breaks ties of balance and age), on one of a few days.
    if (random(3) === 0) events.push({ streamId: `contact-${accountId}`, version: 1, type: 'ContactAttemptRecorded', data: { accountId, channel: 'email', outcome: 'left-message' }, metadata: { occurredAt: at(random(4)) } });
    const kind = random(8);
    if (kind === 0) events.push({ streamId: `promises-${accountId}`, version: 0, type: 'PromiseBroken', data: { accountId, promiseId: 'p', brokenAt: at(2) }, metadata: {} });
    if (kind === 1 || kind === 2) events.push({ streamId: `promises-${accountId}`, version: 0, type: 'PromiseTracked', data: { accountId, promiseId: 'p', dueDate: ['2026-03-01', '2026-03-02', '2026-03-03'][random(3)] }, metadata: {} });
    if (kind === 2 && random(2) === 0) events.push({ streamId: `promises-${accountId}`, version: 1, type: 'PromiseTracked', data: { accountId, promiseId: 'q', dueDate: ['2026-02-28', '2026-03-02', '2026-03-04'][random(3)] }, metadata: {} });
    if (kind === 3) events.push({ streamId: `plans-${accountId}`, version: 0, type: 'PlanInstallmentMissed', data: { accountId, missedAt: at(3) }, metadata: {} });
    if (kind === 4) events.push({ streamId: `cadence-${accountId}`, version: 0, type: 'CadenceStepTaken', data: { accountId, action: 'call', takenAt: at(1) }, metadata: {} });
    if (kind === 5) events.push({ streamId: `cadence-${accountId}`, version: 0, type: 'CadenceStepTaken', data: { accountId, action: 'legal-review', takenAt: at(1) }, metadata: {} });
    const assignee = [null, null, 'col-1', 'col-2'][random(4)];
    if (assignee) events.push({ streamId: `assignment-${accountId}`, version: 0, type: 'AccountAssigned', data: { accountId, clientId: 'c', collectorId: assignee }, metadata: {} });
    if (random(10) === 0) events.push({ streamId: `contact-${accountId}`, version: 2, type: 'ContactCaseClosed', data: { accountId }, metadata: {} });
    docs.push(events.reduce<WorkQueueEntryDoc | null>((doc, e) => workQueueProjection.evolve(doc, e), null)!);
  }
  return docs;
}

/** The queue by definition: every open account of the group ranked, assigned first. */
function byDefinition(docs: WorkQueueEntryDoc[], collectorId: string, limit: number) {
  const instant = new QueueInstant(NOW);
  const mine = rankCandidates(docs.filter((d) => d.open && d.assignee === collectorId), instant, limit);
  return [...mine, ...rankCandidates(docs.filter((d) => d.open && d.assignee === null), instant, limit - mine.length)].map((e) => e.doc.accountId);
}

describe('the work queue index', () => {
  const docs = portfolio(1_500);
  const index = new WorkQueueIndex();
  docs.forEach((doc) => index.upsert(doc));

  it.each([1, 5, 20, 200, 2_000])('answers the same first %i accounts as ranking every open account of the group', (limit) => {
    for (const collector of ['col-1', 'col-2', 'nobody']) {
      expect(index.next(collector, new QueueInstant(NOW), limit)).toEqual(byDefinition(docs, collector, limit));
    }
  });

  it('loaded in pages answers as loaded at once', () => {
    const paged = new WorkQueueIndex();
    paged.beginLoad();
    for (let from = 0; from < docs.length; from += 97) paged.addLoaded(docs.slice(from, from + 97));
    paged.endLoad();
    expect(paged.size).toBe(docs.filter((doc) => doc.open).length);
    for (const collector of ['col-1', 'col-2', 'nobody']) expect(paged.next(collector, new QueueInstant(NOW), 2_000)).toEqual(byDefinition(docs, collector, 2_000));
  });

  it('loaded at once answers as inserted one by one', () => {
    const loaded = new WorkQueueIndex();
    loaded.load(docs);
    expect(loaded.next('col-1', new QueueInstant(NOW), 300)).toEqual(byDefinition(docs, 'col-1', 300));
  });

  it('holds open accounts only, and follows a document that changed or closed', () => {
    expect(index.size).toBe(docs.filter((d) => d.open).length);
    const [first] = index.next('nobody', new QueueInstant(NOW), 1);
    const doc = docs.find((d) => d.accountId === first)!;
    index.upsert({ ...doc, open: false });
    expect(index.next('nobody', new QueueInstant(NOW), 1)[0]).not.toBe(first);
    index.upsert({ ...doc, balance: 1 });
    expect(index.next('nobody', new QueueInstant(NOW), 2_000)).toEqual(byDefinition(docs.map((d) => (d.accountId === first ? { ...d, balance: 1 } : d)), 'nobody', 2_000));
    const moved = { ...doc, assignee: 'col-2', promiseDueDates: ['2026-03-02'], pendingPromises: { p: '2026-03-02' } };
    index.upsert(moved);
    expect(index.next('col-2', new QueueInstant(NOW), 2_000)).toEqual(byDefinition(docs.map((d) => (d.accountId === first ? moved : d)), 'col-2', 2_000));
    index.remove(first);
    expect(index.size).toBe(docs.filter((d) => d.open).length - 1);
    expect(index.next('col-2', new QueueInstant(NOW), 2_000)).not.toContain(first);
    index.upsert(doc);
  });

  it('breaks a tie of balance and age by the last contact, never contacted first, as the order says', () => {
    const [never, contacted] = portfolio(2, 3).map((doc, n) => ({ ...doc, accountId: ['b', 'a'][n], open: true, assignee: null, band: BANDS.rest, balance: 5_000, openedAt: '2026-02-01T10:00:00.000Z', lastContactAt: [null, '2026-02-20T10:00:00.000Z'][n], brokenPromiseAt: null, installmentMissedAt: null, callDueSince: null, legalReviewDueSince: null, pendingPromises: {}, promiseDueDates: [], country: 'US', region: 'NY', debtorKind: 'company' }));
    const tied = new WorkQueueIndex();
    tied.upsert(contacted);
    tied.upsert(never);
    expect(tied.next('nobody', new QueueInstant(NOW), 1)).toEqual(['b']);
    expect(byDefinition([never, contacted], 'nobody', 1)).toEqual(['b']);
  });

  it('keeps the documents of accounts it answered as they change, never one read before a change, none of a closed account, and no more than 2,000', () => {
    const many = portfolio(2_600, 5).filter((d) => d.open);
    const kept = new WorkQueueIndex();
    kept.load(many);
    const [doc, other] = many;
    kept.remember({ ...doc, _id: doc.accountId } as WorkQueueEntryDoc, kept.changes);
    expect(kept.answeredDocument(doc.accountId)).toEqual(doc);
    kept.upsert({ ...doc, balance: 2 });
    expect(kept.answeredDocument(doc.accountId)).toEqual({ ...doc, balance: 2 });
    kept.upsert({ ...doc, open: false });
    expect(kept.answeredDocument(doc.accountId)).toBeUndefined();
    kept.remember(doc, kept.changes);
    expect(kept.answeredDocument(doc.accountId)).toBeUndefined();
    const readAfter = kept.changes;
    kept.upsert({ ...other, balance: 3 });
    kept.remember(other, readAfter);
    expect(kept.answeredDocument(other.accountId)).toBeUndefined();
    many.forEach((d) => kept.remember(d, kept.changes));
    expect(many.filter((d) => kept.answeredDocument(d.accountId)).length).toBe(2_000);
    expect(kept.answeredDocument(many[0].accountId)).toBeUndefined();
    kept.remove(many[many.length - 1].accountId);
    expect(kept.answeredDocument(many[many.length - 1].accountId)).toBeUndefined();
  });

  it('holds about 150 bytes of heap per open account, not a copy of its document', () => {
    // As the PGlite store returns them: parsed from JSONB text, then spread with the row's _id.
    const texts = portfolio(30_000, 11)
      .filter((doc) => doc.open)
      .map((doc, n) => JSON.stringify({ ...doc, accountId: `acc-${n}-${'x'.repeat(30)}`, openedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString() }));
    const asStored = (text: string) => {
      const doc = JSON.parse(text) as WorkQueueEntryDoc;
      return { ...doc, _id: doc.accountId } as WorkQueueEntryDoc;
    };
    const retained = (hold: (doc: WorkQueueEntryDoc) => void) => {
      const before = memoryAfterGc();
      texts.forEach((text) => hold(asStored(text)));
      return memoryAfterGc() - before;
    };
    // A reading can be thrown off by what the collector frees meanwhile (flushed bytecode, a
    // jest worker's own garbage): three of each, alternating, and the medians are compared.
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1];
    const asDocuments: number[] = [];
    const asIndex: number[] = [];
    let index = new WorkQueueIndex();
    for (let round = 0; round < 3; round += 1) {
      const documents = new Map<string, WorkQueueEntryDoc>();
      asDocuments.push(retained((doc) => documents.set(doc.accountId, doc)));
      documents.clear();
      index = new WorkQueueIndex();
      const filling = index;
      asIndex.push(retained((doc) => filling.upsert(doc)));
    }
    expect(index.size).toBe(texts.length);
    expect(median(asDocuments) / texts.length).toBeGreaterThan(500);
    // The documents held as the store returns them take about 1 KB each, a copy of their fields 0.5 KB.
    expect(median(asIndex) / texts.length).toBeLessThan(150);
    expect(index.next('nobody', new QueueInstant(NOW), 1)).toHaveLength(1);
  });
});

