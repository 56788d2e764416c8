import { ContactAttemptRecorded, PaymentPosted, PaymentReversed, PromiseToPayMade } from '@lib/contracts';
import type { ProjectedEvent } from '@lib/read-models';
import { CollectorActivity, collectorActivityProjection, PROMISE_BROKEN, PROMISE_KEPT } from './collector-activity.projection';
import { CollectorPerformanceTally, creditedCollector } from './collector-performance';
import { contactAttemptRecorded, foldProjection, paymentPosted, paymentReversed, projected, promiseToPayMade } from './reporting.fixtures';

const CLIENT = 'client-1';
const period = (from: string, to: string) => new CollectorPerformanceTally(Date.parse(`${from}T00:00:00.000Z`), Date.parse(`${to}T00:00:00.000Z`) + 86_400_000);

const attempt = (accountId: string, version: number, collectorId: string, occurredAt: string, rightParty: boolean) =>
  projected(ContactAttemptRecorded, { ...contactAttemptRecorded(accountId, CLIENT, occurredAt, rightParty), attemptId: `${accountId}-${version}`, collectorId }, `contact-${accountId}`, version);
const promise = (accountId: string, version: number, collectorId: string, promiseId: string, madeAt: string) =>
  projected(PromiseToPayMade, { ...promiseToPayMade(accountId, CLIENT, promiseId, 5_000), collectorId, madeAt }, `contact-${accountId}`, version);
const payment = (accountId: string, version: number, paymentId: string, postedAt: string, applied: number, credit = 0) =>
  projected(PaymentPosted, { ...paymentPosted(accountId, CLIENT, paymentId, applied + credit, 0), allocations: [{ invoiceNumber: 'INV-1', amount: applied }], credit, postedAt }, `ledger-${accountId}`, version);
const outcome = (type: string, accountId: string, version: number, promiseId: string, at: string): ProjectedEvent => ({
  streamId: `contact-${accountId}#${type}`,
  version,
  type,
  data: { accountId, clientId: CLIENT, promiseId, amount: 5_000, paid: 5_000, currency: 'USD', dueDate: '2026-06-30', ...(type === PROMISE_KEPT ? { keptAt: at } : { reason: 'not-paid-in-time', brokenAt: at }) },
  // Recorded later than it stands for: the report counts it on its own date.
  metadata: { occurredAt: '2026-09-01T00:00:00.000Z' },
});

const fold = (events: ProjectedEvent[], accountId = 'a1') => foldProjection(collectorActivityProjection, events, accountId)!;

describe('collector activity: contacts, promises and the payments they brought in', () => {
  const a1 = [
    attempt('a1', 0, 'alice', '2026-05-02T10:00:00.000Z', false),
    attempt('a1', 1, 'alice', '2026-05-03T10:00:00.000Z', true),
    promise('a1', 2, 'alice', 'pr-1', '2026-05-03T10:05:00.000Z'),
    attempt('a1', 3, 'bob', '2026-05-20T10:00:00.000Z', true),
    payment('a1', 0, 'p1', '2026-05-10T00:00:00.000Z', 4_000, 250),
    payment('a1', 1, 'p2', '2026-06-02T00:00:00.000Z', 6_000),
    outcome(PROMISE_KEPT, 'a1', 4, 'pr-1', '2026-05-10T01:00:00.000Z'),
  ];

  it('credits a payment to the latest promise’s collector before it, else the latest right-party contact’s, else nobody', () => {
    const activity = fold(a1);
    expect(creditedCollector(activity, '2026-05-10T00:00:00.000Z')).toBe('alice');
    // Bob's conversation came after Alice's promise, but a promise outranks a conversation.
    expect(creditedCollector(activity, '2026-06-02T00:00:00.000Z')).toBe('alice');
    const noPromise: CollectorActivity = { ...activity, promises: [] };
    expect(creditedCollector(noPromise, '2026-05-25T00:00:00.000Z')).toBe('bob');
    expect(creditedCollector(noPromise, '2026-05-03T09:00:00.000Z')).toBeNull();
  });

  it('counts each fact in the period of its business date, collected without over-payment credit', () => {
    const may = period('2026-05-01', '2026-05-31');
    may.add(fold(a1));
    expect(may.result()).toEqual({
      collectors: [
        { collectorId: 'alice', contacts: 2, rightPartyContacts: 1, promisesMade: 1, promisesKept: 1, promisesBroken: 0, collected: [{ currency: 'USD', amount: 4_000 }] },
        { collectorId: 'bob', contacts: 1, rightPartyContacts: 1, promisesMade: 0, promisesKept: 0, promisesBroken: 0, collected: [] },
      ],
      unattributed: [],
    });
    const june = period('2026-06-01', '2026-06-30');
    june.add(fold(a1));
    expect(june.result().collectors).toEqual([{ collectorId: 'alice', contacts: 0, rightPartyContacts: 0, promisesMade: 0, promisesKept: 0, promisesBroken: 0, collected: [{ currency: 'USD', amount: 6_000 }] }]);
  });

  it('takes a reversal off the collector the payment was credited to, in the period it was reversed', () => {
    const reversed = projected(PaymentReversed, { ...paymentReversed('a1', CLIENT, 'p1', 4_250, 0), reversedAt: '2026-06-05T00:00:00.000Z' }, 'ledger-a1', 2);
    const june = period('2026-06-01', '2026-06-30');
    june.add(fold([...a1, reversed]));
    expect(june.result().collectors[0].collected).toEqual([{ currency: 'USD', amount: 6_000 - 4_000 }]);
    const both = period('2026-05-01', '2026-06-30');
    both.add(fold([...a1, reversed]));
    expect(both.result().collectors[0].collected).toEqual([{ currency: 'USD', amount: 6_000 }]);
  });

  it('lists payments nobody earned as unattributed, and counts a broken promise for its collector', () => {
    const a2 = [payment('a2', 0, 'q1', '2026-05-05T00:00:00.000Z', 1_000), promise('a2', 0, 'carol', 'pr-2', '2026-05-06T00:00:00.000Z'), outcome(PROMISE_BROKEN, 'a2', 1, 'pr-2', '2026-05-20T00:00:00.000Z')];
    const may = period('2026-05-01', '2026-05-31');
    may.add(fold(a2, 'a2'));
    expect(may.result()).toEqual({
      collectors: [{ collectorId: 'carol', contacts: 0, rightPartyContacts: 0, promisesMade: 1, promisesKept: 0, promisesBroken: 1, collected: [] }],
      unattributed: [{ currency: 'USD', amount: 1_000 }],
    });
  });

  it('lists the months anything happened in, and an outcome arriving before its promise still counts once the promise arrives', () => {
    const outOfOrder = fold([outcome(PROMISE_KEPT, 'a1', 4, 'pr-1', '2026-07-01T00:00:00.000Z'), promise('a1', 2, 'alice', 'pr-1', '2026-05-03T10:05:00.000Z'), payment('a1', 0, 'p1', '2026-06-10T00:00:00.000Z', 10)]);
    expect(outOfOrder.months).toEqual(['2026-05', '2026-06', '2026-07']);
    const july = period('2026-07-01', '2026-07-31');
    july.add(outOfOrder);
    expect(july.result().collectors[0]).toMatchObject({ collectorId: 'alice', promisesMade: 0, promisesKept: 1 });
  });
});
