import { AccountPlaced, AccountClosed, AccountPaidInFull, ContactAttemptRecorded, Contract, LegalStageChanged, PaymentPosted, PaymentReversed, PromiseToPayMade } from '@lib/contracts';
import { createInMemoryReadModelStore, ProjectedEvent, ReadModelStore } from '@lib/read-models';
import { AsOfQueries } from './as-of.queries';
import {
  accountClosed,
  accountPaidInFull,
  accountPlaced,
  contactAttemptRecorded,
  legalStageChanged,
  paymentPosted,
  paymentReversed,
  promiseToPayMade,
} from './reporting.fixtures';
import { AccountEventLog, loggedEventsOf, REPORTED_EVENTS, reportedEventsProjection } from './reported-events.projection';
import { REPORTING_PROJECTIONS, ReportingQueries } from './reporting.queries';

const CLIENT = 'client-1';
const OTHER_CLIENT = 'client-2';

function at<Data extends object>(contract: Contract<Data>, data: Data, sourceStream: string, version: number, occurredAt: string): ProjectedEvent {
  return { streamId: `${sourceStream}#${contract.type}`, version, type: contract.type, data: data as Record<string, unknown>, metadata: { sourceStream, occurredAt } };
}

/** Two accounts of one client, one of another, every service's part, one event a minute. */
function history(): ProjectedEvent[] {
  const minute = (n: number) => new Date(Date.UTC(2026, 5, 1, 9, n)).toISOString();
  let n = 0;
  const next = () => minute(n++);
  return [
    at(AccountPlaced, accountPlaced('a1', CLIENT, 100_000), 'account-a1', 0, next()),
    at(AccountPlaced, accountPlaced('a2', CLIENT, 50_000, 'EUR'), 'account-a2', 0, next()),
    at(AccountPlaced, accountPlaced('b1', OTHER_CLIENT, 70_000), 'account-b1', 0, next()),
    at(ContactAttemptRecorded, contactAttemptRecorded('a1', CLIENT, minute(3)), 'contact-a1', 1, next()),
    at(PromiseToPayMade, promiseToPayMade('a1', CLIENT, 'promise-1', 40_000), 'contact-a1', 2, next()),
    at(PaymentPosted, paymentPosted('a1', CLIENT, 'p1', 40_000, 60_000), 'ledger-a1', 1, next()),
    at(PaymentPosted, paymentPosted('b1', OTHER_CLIENT, 'p2', 10_000, 60_000), 'ledger-b1', 1, next()),
    at(LegalStageChanged, legalStageChanged('a2', CLIENT, 'recommended', 50_000), 'referral-a2', 1, next()),
    at(PaymentReversed, paymentReversed('a1', CLIENT, 'p1', 40_000, 100_000), 'ledger-a1', 2, next()),
    at(PaymentPosted, paymentPosted('a1', CLIENT, 'p3', 100_000, 0), 'ledger-a1', 3, next()),
    at(AccountPaidInFull, accountPaidInFull('a1', CLIENT, minute(10)), 'ledger-a1', 3, minute(10)),
    at(AccountClosed, accountClosed('a1', CLIENT, 'paid-in-full', minute(11)), 'account-a1', 1, minute(11)),
  ];
}

async function storeWith(events: readonly ProjectedEvent[]): Promise<ReadModelStore> {
  const store = createInMemoryReadModelStore();
  for (const projection of REPORTING_PROJECTIONS) await store.apply(projection, events.filter((event) => projection.handles.includes(event.type)));
  return store;
}

describe('reports as of a past instant', () => {
  const events = history();
  let full: ReadModelStore;
  let asOf: AsOfQueries;

  beforeAll(async () => {
    full = await storeWith(events);
    asOf = new AsOfQueries(full);
  });

  // A remittance statement is a client's, not an account's: the remittance history keeps it, no account's log does; trust-only facts feed the trust ledger view alone.
  it('logs every reported event once, with when it was recorded', async () => {
    expect(reportedEventsProjection.handles).toEqual(expect.arrayContaining(REPORTING_PROJECTIONS.filter((projection) => projection.name !== REPORTED_EVENTS).flatMap((projection) => projection.handles).filter((type) => !['AuditRecord.v1', 'ComplianceDecision', 'RemittanceIssued.v1', 'CommissionCorrected.v1', 'CostAdvanceStepRecorded.v1', 'CreditRefunded.v1'].includes(type))));
    await full.apply(reportedEventsProjection, events);
    expect(await full.count(REPORTED_EVENTS)).toBe(3);
    const log = await full.findOne<AccountEventLog>(REPORTED_EVENTS, { _id: 'a1' });
    expect(log).toEqual(expect.objectContaining({ accountId: 'a1', clientId: CLIENT }));
    expect(log!.events).toHaveLength(events.filter((event) => event.data.accountId === 'a1').length);
    expect(loggedEventsOf(log!).find((logged) => logged.position === 'ledger-a1#PaymentPosted.v3@000000000003')).toEqual(expect.objectContaining({ recordedAt: '2026-06-01T09:09:00.000Z', version: 3, type: 'PaymentPosted.v3' }));
  });

  it('at each event instant, equals what the live read models held right after it', async () => {
    for (let count = 1; count <= events.length; count++) {
      const instant = events[count - 1].metadata.occurredAt as string;
      const live = new ReportingQueries(await storeWith(events.slice(0, count)));
      expect({ at: instant, report: await asOf.accountSummary('a1', instant) }).toEqual({ at: instant, report: await live.accountSummary('a1') });
      expect({ at: instant, report: await asOf.portfolio(CLIENT, instant) }).toEqual({ at: instant, report: await live.portfolio(CLIENT) });
      expect({ at: instant, report: await asOf.trustSummary(CLIENT, instant) }).toEqual({ at: instant, report: await live.trustSummary(CLIENT) });
      expect({ at: instant, report: await asOf.trustSummary(null, instant) }).toEqual({ at: instant, report: await live.trustSummary(null) });
    }
  });

  it('shows the account before and after a payment, and nothing before it was placed', async () => {
    const before = await asOf.accountSummary('a1', '2026-06-01T09:04:59.999Z');
    const after = await asOf.accountSummary('a1', '2026-06-01T09:05:00.000Z');
    expect(before).toEqual(expect.objectContaining({ collected: 0, balance: 100_000, contactAttempts: 1, promises: [expect.objectContaining({ promiseId: 'promise-1' })] }));
    expect(after).toEqual(expect.objectContaining({ collected: 40_000, balance: 60_000 }));
    expect(await asOf.accountSummary('a1', '2026-06-01T08:59:59.999Z')).toBeNull();
    expect(await asOf.portfolio(CLIENT, '2026-06-01T08:59:59.999Z')).toBeNull();
    expect(await asOf.trustSummary(CLIENT, '2026-06-01T08:59:59.999Z')).toEqual({ clientId: CLIENT, byCurrency: {} });
  });
});
