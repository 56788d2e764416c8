import { ProjectedEvent } from '@lib/read-models';
import { rankCandidates, rankEntry } from './work-queue.priority';
import { BANDS, WorkQueueEntryDoc, workQueueProjection } from './work-queue.projection';

/** Monday 2026-01-12, 10:00 in New York. */
const NOW = new Date('2026-01-12T15:00:00.000Z');
let version = 0;
const event = (type: string, data: Record<string, unknown>, occurredAt = '2026-01-05T15:00:00.000Z', streamId = 'contact-x'): ProjectedEvent => ({ streamId, version: version++, type, data, metadata: { occurredAt } });
const opened = (accountId: string, placedAmount: number, debtor: Record<string, unknown> = { kind: 'company', legalName: 'Acme', country: 'US', region: 'NY' }, openedAt = '2026-01-05T15:00:00.000Z') =>
  event('ContactCaseOpened', { accountId, clientId: 'client-1', commercial: true, debtor, currency: 'USD', placedAmount, openedAt });
const fold = (events: ProjectedEvent[]) => events.reduce<WorkQueueEntryDoc | null>((doc, e) => workQueueProjection.evolve(doc, e), null)!;

describe('the work queue read model of an account', () => {
  it('brings the account up to the top band when a promise breaks, and down again once the debtor is contacted', () => {
    const broken = fold([opened('a', 100_000), event('PromiseTracked', { accountId: 'a', promiseId: 'p', dueDate: '2026-01-20' }), event('PromiseBroken', { accountId: 'a', promiseId: 'p', brokenAt: '2026-01-24T12:00:00.000Z' })]);
    expect(broken).toMatchObject({ band: BANDS.brokenPromise, pendingPromises: {}, promiseDueDates: [] });
    const contacted = workQueueProjection.evolve(broken, event('ContactAttemptRecorded', { accountId: 'a', channel: 'call', outcome: 'no-answer' }, '2026-01-25T15:00:00.000Z'));
    expect(contacted).toMatchObject({ band: BANDS.rest, lastContactAt: '2026-01-25T15:00:00.000Z', lastContactOutcome: 'no-answer' });
  });

  it('puts the account in the call-due band when the cadence reaches a call, until a call is recorded', () => {
    const due = fold([opened('a', 100_000), event('CadenceStepTaken', { accountId: 'a', action: 'call', takenAt: '2026-01-08T15:00:00.000Z' })]);
    expect(due.band).toBe(BANDS.callDue);
    expect(workQueueProjection.evolve(due, event('ContactAttemptRecorded', { accountId: 'a', channel: 'email', outcome: 'left-message' }))!.band).toBe(BANDS.callDue);
    expect(workQueueProjection.evolve(due, event('ContactAttemptRecorded', { accountId: 'a', channel: 'call', outcome: 'no-answer' }))!.band).toBe(BANDS.rest);
  });

  it('leaves the queue when the case closes', () => {
    expect(fold([opened('a', 100_000), event('ContactCaseClosed', { accountId: 'a', closingCode: 'paid-in-full' })]).open).toBe(false);
  });

  it('follows the assignment to a collector and back to the pool', () => {
    const assigned = fold([opened('a', 100_000), event('AccountAssigned', { accountId: 'a', clientId: 'client-1', collectorId: 'col-1' }, undefined, 'assignment-a')]);
    expect(assigned.assignee).toBe('col-1');
    expect(workQueueProjection.evolve(assigned, event('AccountAssigned', { accountId: 'a', clientId: 'client-1', collectorId: null }, undefined, 'assignment-a'))!.assignee).toBeNull();
  });
});

describe('the order of the work queue', () => {
  const plain = (accountId: string, balance: number, debtor?: Record<string, unknown>, openedAt?: string) => fold([opened(accountId, balance, debtor, openedAt)]);

  it('puts a broken promise before a promise due today, before a missed installment, before a call due, before the rest', () => {
    const docs = [
      plain('rest', 9_000_000),
      fold([opened('call', 100), event('CadenceStepTaken', { accountId: 'call', action: 'call', takenAt: '2026-01-08T15:00:00.000Z' })]),
      fold([opened('missed', 100), event('PlanInstallmentMissed', { accountId: 'missed', missedAt: '2026-01-10T12:00:00.000Z' })]),
      fold([opened('today', 100), event('PromiseTracked', { accountId: 'today', promiseId: 'p', dueDate: '2026-01-12' })]),
      fold([opened('broken', 100), event('PromiseBroken', { accountId: 'broken', promiseId: 'q', brokenAt: '2026-01-11T12:00:00.000Z' })]),
    ];
    expect(rankCandidates(docs, NOW, 10).map((entry) => entry.doc.accountId)).toEqual(['broken', 'today', 'missed', 'call', 'rest']);
  });

  it('puts a debtor inside the calling window now before a larger balance outside it', () => {
    const california = { kind: 'company', legalName: 'West', country: 'US', region: 'CA' }; // 07:00 there
    expect(rankCandidates([plain('ca', 9_000_000, california), plain('ny', 100_000)], NOW, 10).map((e) => e.doc.accountId)).toEqual(['ny', 'ca']);
  });

  it('then puts the larger balance first, then the older account', () => {
    const docs = [plain('small', 100_000), plain('young', 500_000, undefined, '2026-01-10T15:00:00.000Z'), plain('old', 500_000, undefined, '2026-01-02T15:00:00.000Z')];
    expect(rankCandidates(docs, NOW, 10).map((e) => e.doc.accountId)).toEqual(['old', 'young', 'small']);
  });

  it('explains each entry: band, calling window, balance, age and last contact', () => {
    const entry = rankEntry(fold([opened('a', 123_456), event('PromiseBroken', { accountId: 'a', promiseId: 'q', brokenAt: '2026-01-11T12:00:00.000Z' })]), NOW);
    expect(entry.reasons.map((r) => r.code)).toEqual(['broken-promise', 'calling-window', 'balance', 'age', 'last-contact']);
    expect(entry.reasons.map((r) => r.detail)).toEqual([
      'a promise was broken on 2026-01-11 and no contact since',
      "inside the debtor's calling window now, 480 minutes left",
      'balance USD 1234.56',
      'placed 7 days ago',
      'never contacted',
    ]);
  });

  it('keeps no more than the limit', () => {
    expect(rankCandidates([plain('a', 1), plain('b', 2), plain('c', 3)], NOW, 2).map((e) => e.doc.accountId)).toEqual(['c', 'b']);
  });
});
