import { AccountClosed, AccountPaidInFull, AccountPlaced, AccountReopened, AuditRecordV1, ContactAttemptRecorded, LegalStageChanged, NoticeSent, PaymentPosted, PaymentReversed, PromiseToPayMade } from '@lib/contracts';
import { createInMemoryReadModelStore, GenerationalReadModelStore, ProjectedEvent, ReadModelStore } from '@lib/read-models';
import { applyConcurrently } from '../../integration/inbound/project-integration-events.handler';
import { auditEventOf, auditTrailProjection } from '../../read-models/audit-trail.projection';
import { COMPLIANCE_DECISIONS, complianceDecisionsProjection } from '../../read-models/compliance-decisions.projection';
import { complianceDecisionEventsOf } from '../../read-models/compliance-decisions.queries';
import { REPORTING_PROJECTIONS, RETIRED_COLLECTIONS } from '../../read-models/reporting.queries';
import {
  accountClosed,
  accountPaidInFull,
  accountPlaced,
  accountReopened,
  auditRecord,
  contactAttemptRecorded,
  legalStageChanged,
  noticeSent,
  paymentPosted,
  paymentReversed,
  projected,
  promiseToPayMade,
} from '../../read-models/reporting.fixtures';
import { REBUILD_SOURCES, rebuildIntoNewGenerations } from './rebuild-into-new-generations';

const ACCOUNTS = 23;

/** One account's facts in the order its services publish them, each with the audit record its service stored. */
function accountSteps(n: number): Array<{ fact?: ProjectedEvent; record: AuditRecordV1 }> {
  const a = `a${String(n).padStart(3, '0')}`;
  const c = `client-${n % 4}`;
  const placed = 50_000 + 1_000 * n;
  const account = `account-${a}`;
  const contact = `contact-${a}`;
  const ledger = `ledger-${a}`;
  const referral = `referral-${a}`;
  const record = (service: string, stream: string, version: number, type: string, data: Record<string, unknown> = { accountId: a, clientId: c }): AuditRecordV1 =>
    auditRecord(service, a, stream, version, type, `2026-06-${String(1 + (version % 27)).padStart(2, '0')}T09:00:00.000Z`, data);
  const steps: Array<{ fact?: ProjectedEvent; record: AuditRecordV1 }> = [
    { fact: projected(AccountPlaced, accountPlaced(a, c, placed), account, 0), record: record('client-intake', account, 0, AccountPlaced.type) },
    { fact: projected(NoticeSent, noticeSent(a, c), contact, 0), record: record('debtor-contact', contact, 0, 'ContactCaseOpened') },
    {
      fact: projected(ContactAttemptRecorded, contactAttemptRecorded(a, c, '2026-06-02T10:00:00.000Z', n % 2 === 0), contact, 1),
      // Carries decisions: the compliance ledger is rebuilt from these records.
      record: record('debtor-contact', contact, 1, 'ContactAttemptRecorded', { accountId: a, clientId: c, channel: 'phone', compliance: [{ rule: 'call-window', version: 2, decision: 'allow', timeZones: ['America/New_York'] }] }),
    },
  ];
  if (n % 3 !== 0) steps.push({ fact: projected(PromiseToPayMade, promiseToPayMade(a, c, `promise-${a}`, 5_000), contact, 2), record: record('debtor-contact', contact, 2, PromiseToPayMade.type) });
  for (let p = 0; p < n % 5; p++) steps.push({ fact: projected(PaymentPosted, paymentPosted(a, c, `p${p}-${a}`, 4_000, placed - 4_000 * (p + 1)), ledger, p), record: record('payments', ledger, p, PaymentPosted.type) });
  if (n % 5 === 3) steps.push({ fact: projected(PaymentReversed, paymentReversed(a, c, `p0-${a}`, 4_000, placed - 4_000), ledger, 3), record: record('payments', ledger, 3, PaymentReversed.type) });
  if (n % 4 === 1) {
    steps.push({ record: record('legal-referral', referral, 0, 'ReferralCaseOpened') });
    // Names no client: its client is the one its stream was opened with (read from the audit trail).
    steps.push({
      fact: projected(LegalStageChanged, legalStageChanged(a, c, 'recommended', placed), referral, 1),
      record: record('legal-referral', referral, 1, 'ReferralNotRecommended', { accountId: a, rulesChecked: ['not-disputed'], failedRules: [{ rule: 'no-payment-in-45-days', reason: 'paid lately' }] }),
    });
  }
  if (n % 6 === 2) {
    steps.push({ fact: projected(AccountPaidInFull, accountPaidInFull(a, c), account, 1), record: record('payments', account, 1, AccountPaidInFull.type) });
    steps.push({ fact: projected(AccountClosed, accountClosed(a, c, 'paid-in-full'), account, 2), record: record('client-intake', account, 2, AccountClosed.type) });
    steps.push({ fact: projected(AccountReopened, accountReopened(a, c, 1_000, `p0-${a}`), account, 3), record: record('client-intake', account, 3, AccountReopened.type) });
  }
  return steps;
}

/** The history in rounds over every account, as the topics deliver it: each account's next step comes after every other account's. */
function history(): Array<{ fact?: ProjectedEvent; record: AuditRecordV1 }> {
  const accounts = Array.from({ length: ACCOUNTS }, (_, n) => accountSteps(n));
  const rounds = Math.max(...accounts.map((steps) => steps.length));
  const delivered = [];
  for (let round = 0; round < rounds; round++) for (const steps of accounts) if (round < steps.length) delivered.push(steps[round]);
  return delivered;
}

/** Reporting's consumer: per batch, every projection gets its facts in one apply; the audit records and their decisions as `recordAuditTrail` applies them. */
async function consume(store: ReadModelStore, batch: ReturnType<typeof history>): Promise<void> {
  const facts = batch.flatMap((step) => (step.fact ? [step.fact] : []));
  await applyConcurrently(store, REPORTING_PROJECTIONS.map((projection) => ({ projection, events: facts.filter((event) => projection.handles.includes(event.type)) })));
  const records = batch.map((step) => step.record);
  const decisions = await complianceDecisionEventsOf(store, records);
  await applyConcurrently(store, [
    { projection: auditTrailProjection, events: records.map(auditEventOf) },
    { projection: complianceDecisionsProjection, events: decisions },
  ]);
}

const REBUILT = REPORTING_PROJECTIONS.map((projection) => projection.name).filter((name) => !REBUILD_SOURCES.includes(name));

async function everyDocument(store: ReadModelStore): Promise<Map<string, unknown[]>> {
  const documents = new Map<string, unknown[]>();
  for (const name of REBUILT) documents.set(name, await store.find(name, {}, { sort: { _id: 1 } }));
  return documents;
}

describe.each([
  ['live documents', () => createInMemoryReadModelStore()],
  ['documents kept as JSON text', () => createInMemoryReadModelStore({ liveDocuments: 1 })],
])('rebuilding reporting\'s read models into new generations (in memory, %s)', (_label, createStore) => {
  it('gives every rebuilt read model exactly the documents the live path made, read from the account logs and audit trail in keyset pages', async () => {
    const store = await GenerationalReadModelStore.open(createStore(), [...REPORTING_PROJECTIONS.map((projection) => projection.name), ...RETIRED_COLLECTIONS]);
    const delivered = history();
    for (let at = 0; at < delivered.length; at += 7) await consume(store, delivered.slice(at, at + 7));
    const live = await everyDocument(store);
    expect(live.get(COMPLIANCE_DECISIONS)!.length).toBeGreaterThan(ACCOUNTS);
    expect(live.get('account_summaries')).toHaveLength(ACCOUNTS);

    // Pages of 4: the account logs and the audit trail are read in many keyset pages.
    const rebuilt = await rebuildIntoNewGenerations(store, { pageSize: 4 });

    expect(rebuilt.map((result) => result.collection).sort()).toEqual([...REBUILT].sort());
    for (const result of rebuilt) expect(result.physical).toBe(`${result.collection}__g2`);
    expect(await everyDocument(store)).toEqual(live);
  });
});
