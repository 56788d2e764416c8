import { createInMemoryReadModelStore, ReadModelStore } from '@lib/read-models';
import { auditEventOf, auditTrailProjection } from './audit-trail.projection';
import { complianceDecisionsOf, complianceDecisionsProjection } from './compliance-decisions.projection';
import { complianceDecisionEventsOf, complianceDecisionPage, complianceDecisionsFromAuditTrail } from './compliance-decisions.queries';
import { auditRecord } from './reporting.fixtures';
import { trustSummaryOf, trustSummaryProjection } from './trust-summary.projection';
import { paymentPosted, paymentReversed, projected } from './reporting.fixtures';
import { PaymentPosted, PaymentReversed } from '@lib/contracts';

const CLIENT = 'client-1';
const callWindow = { rule: 'call-window', version: 2, decision: 'allow', timeZones: ['America/New_York'] };
const doNotContact = { rule: 'do-not-contact', version: 1, decision: 'allow' };

const records = [
  auditRecord('debtor-contact', 'a1', 'contact-a1', 0, 'ContactCaseOpened', '2026-06-01T09:00:00Z', { accountId: 'a1', clientId: CLIENT }),
  auditRecord('debtor-contact', 'a1', 'contact-a1', 1, 'ContactAttemptRecorded', '2026-06-01T10:00:00Z', { accountId: 'a1', clientId: CLIENT, channel: 'phone', compliance: [callWindow, doNotContact] }),
  auditRecord('debtor-contact', 'a1', 'contact-a1', 2, 'ContactAttemptRefused', '2026-06-01T23:00:00Z', { accountId: 'a1', clientId: CLIENT, rule: 'call-window', version: 2, channel: 'phone', reason: 'outside 8:00-21:00 debtor time' }),
  auditRecord('debtor-contact', 'a1', 'contact-a1', 3, 'MessageSent', '2026-06-02T09:00:00Z', { accountId: 'a1', clientId: CLIENT, channel: 'email', compliance: [doNotContact] }),
  auditRecord('debtor-contact', 'a1', 'contact-a1', 4, 'MessageCancelled', '2026-06-03T09:00:00Z', { accountId: 'a1', clientId: CLIENT, channel: 'letter', rule: 'case-closed', version: 1, reason: 'the case is closed' }),
  auditRecord('legal-referral', 'a1', 'referral-a1', 0, 'ReferralCaseOpened', '2026-06-01T09:00:01Z', { accountId: 'a1', clientId: CLIENT }),
  auditRecord('legal-referral', 'a1', 'referral-a1', 1, 'ReferralNotRecommended', '2026-07-16T09:00:00Z', {
    accountId: 'a1',
    rulesChecked: ['balance-at-least-5000', 'no-payment-in-45-days', 'not-disputed'],
    failedRules: [{ rule: 'no-payment-in-45-days', reason: 'paid on 2026-07-01' }],
  }),
  auditRecord('legal-referral', 'a1', 'referral-a1', 2, 'ReferralRecommended', '2026-08-16T09:00:00Z', { accountId: 'a1', clientId: CLIENT, rulesChecked: ['balance-at-least-5000', 'not-disputed'] }),
  auditRecord('payments', 'a1', 'ledger-a1', 1, 'PaymentPosted', '2026-07-01T09:00:00Z', { accountId: 'a1', clientId: CLIENT }),
];

async function ledgerOf(store: ReadModelStore, batches: (typeof records)[]): Promise<void> {
  for (const batch of batches) {
    const decisions = await complianceDecisionEventsOf(store, batch);
    await store.apply(auditTrailProjection, batch.map(auditEventOf));
    await store.apply(complianceDecisionsProjection, decisions);
  }
}

describe('compliance decision ledger', () => {
  it('splits each recorded decision out: allows with their rule versions, denials with their reasons', () => {
    expect(complianceDecisionsOf(records[1]).map((event) => event.data)).toEqual([
      expect.objectContaining({ rule: 'call-window', ruleVersion: 2, decision: 'allow', reason: null, action: 'ContactAttemptRecorded', channel: 'phone', service: 'debtor-contact', accountId: 'a1', clientId: CLIENT, actorRole: 'collector', actorId: 'collector-1', decidedAt: '2026-06-01T10:00:00.000Z', version: 1 }),
      expect.objectContaining({ rule: 'do-not-contact', ruleVersion: 1, decision: 'allow' }),
    ]);
    expect(complianceDecisionsOf(records[2]).map((event) => event.data)).toEqual([expect.objectContaining({ rule: 'call-window', ruleVersion: 2, decision: 'deny', reason: 'outside 8:00-21:00 debtor time' })]);
    expect(complianceDecisionsOf(records[4]).map((event) => event.data)).toEqual([expect.objectContaining({ rule: 'case-closed', decision: 'deny', channel: 'letter', action: 'MessageCancelled' })]);
    expect(complianceDecisionsOf(records[6], CLIENT).map((event) => [event.data.rule, event.data.decision, event.data.reason, event.data.clientId])).toEqual([
      ['balance-at-least-5000', 'allow', null, CLIENT],
      ['not-disputed', 'allow', null, CLIENT],
      ['no-payment-in-45-days', 'deny', 'paid on 2026-07-01', CLIENT],
    ]);
    expect(complianceDecisionsOf(records[0])).toEqual([]);
    expect(complianceDecisionsOf(records[8])).toEqual([]);
  });

  it("records a supervisor's approval of a legal recommendation under each criterion at its version, and a decline as a denial with its reason", () => {
    const criteria = [{ rule: 'balance-at-least-5000', version: 1 }, { rule: 'within-statute-of-limitations', version: 2 }];
    const recommended = auditRecord('legal-referral', 'a1', 'referral-a1', 3, 'ReferralRecommended', '2026-08-16T09:00:00Z', { accountId: 'a1', clientId: CLIENT, rulesChecked: criteria.map((c) => c.rule), criteria, awaitsApproval: true });
    expect(complianceDecisionsOf(recommended).map((event) => [event.data.rule, event.data.ruleVersion, event.data.decision])).toEqual([
      ['balance-at-least-5000', 1, 'allow'],
      ['within-statute-of-limitations', 2, 'allow'],
    ]);
    const approved = auditRecord('legal-referral', 'a1', 'referral-a1', 4, 'RecommendationApproved', '2026-08-17T09:00:00Z', { accountId: 'a1', clientId: CLIENT, approvedBy: 'supervisor-1', criteria });
    expect(complianceDecisionsOf(approved).map((event) => [event.data.rule, event.data.ruleVersion, event.data.decision, event.data.reason, event.data.action])).toEqual([
      ['balance-at-least-5000', 1, 'allow', 'approved by a supervisor', 'RecommendationApproved'],
      ['within-statute-of-limitations', 2, 'allow', 'approved by a supervisor', 'RecommendationApproved'],
    ]);
    const declined = auditRecord('legal-referral', 'a1', 'referral-a1', 4, 'RecommendationDeclined', '2026-08-17T09:00:00Z', { accountId: 'a1', clientId: CLIENT, declinedBy: 'supervisor-1', reason: 'the debtor is a key supplier', criteria });
    expect(complianceDecisionsOf(declined).map((event) => [event.data.rule, event.data.decision, event.data.reason])).toEqual([['supervisor-approval', 'deny', 'the debtor is a key supplier']]);
  });

  it('counts a command refused in any service (payments, legal referral, debtor contact) as a denial by its rule', () => {
    const refused = (service: string, rule: string, ruleVersion: number | null) =>
      auditRecord(service, 'a1', 'compliance-a1', 0, 'CommandRefused', '2026-06-04T09:00:00Z', { service, accountId: 'a1', clientId: null, command: 'X', rule, ruleVersion, reason: `refused by ${rule}`, refusedAt: '2026-06-04T09:00:00Z' });
    expect(complianceDecisionsOf(refused('payments', 'payment-currency-mismatch', null), CLIENT).map((event) => event.data)).toEqual([
      expect.objectContaining({ rule: 'payment-currency-mismatch', ruleVersion: null, decision: 'deny', reason: 'refused by payment-currency-mismatch', service: 'payments', action: 'CommandRefused', clientId: CLIENT }),
    ]);
    expect(complianceDecisionsOf(refused('legal-referral', 'within-statute-of-limitations', 1)).map((event) => [event.data.rule, event.data.ruleVersion, event.data.decision])).toEqual([['within-statute-of-limitations', 1, 'deny']]);
    expect(complianceDecisionsOf(refused('debtor-contact', 'promise-amount-positive', null)).map((event) => event.data.decision)).toEqual(['deny']);
  });

  it('counts a command allowed in any service (a payment posted, a forwarding, a plan) as an allow by each rule it passed', () => {
    const allowed = (service: string, command: string, rules: Array<{ rule: string; ruleVersion: number | null }>) =>
      auditRecord(service, 'a1', 'compliance-a1', 1, 'CommandAllowed', '2026-06-05T09:00:00Z', { service, accountId: 'a1', clientId: null, command, rules, allowedAt: '2026-06-05T09:00:00Z' });
    expect(complianceDecisionsOf(allowed('payments', 'PostPayment', [{ rule: 'currency-mismatch', ruleVersion: null }, { rule: 'account-paid', ruleVersion: null }]), CLIENT).map((event) => event.data)).toEqual([
      expect.objectContaining({ rule: 'currency-mismatch', ruleVersion: null, decision: 'allow', reason: null, service: 'payments', action: 'CommandAllowed', clientId: CLIENT, accountId: 'a1' }),
      expect.objectContaining({ rule: 'account-paid', decision: 'allow' }),
    ]);
    expect(complianceDecisionsOf(allowed('legal-referral', 'ForwardToAttorney', [{ rule: 'within-statute-of-limitations', ruleVersion: 1 }])).map((event) => [event.data.rule, event.data.ruleVersion, event.data.decision])).toEqual([['within-statute-of-limitations', 1, 'allow']]);
    expect(complianceDecisionsOf(allowed('debtor-contact', 'AgreePaymentPlan', [{ rule: 'plan-first-date-past', ruleVersion: null }])).map((event) => event.data.decision)).toEqual(['allow']);
  });

  it('gives a review that names no client the client its stream was opened with, in the same batch or an earlier one', async () => {
    const sameBatch = createInMemoryReadModelStore();
    await ledgerOf(sameBatch, [records]);
    const earlier = createInMemoryReadModelStore();
    await ledgerOf(earlier, [records.slice(0, 6), records.slice(6)]);
    for (const store of [sameBatch, earlier]) {
      const denied = await complianceDecisionPage(store, { rule: 'no-payment-in-45-days' }, null, 10);
      expect(denied.decisions).toEqual([expect.objectContaining({ decision: 'deny', clientId: CLIENT, accountId: 'a1' })]);
    }
  });

  it('filters by rule, decision, actor, client, account and period, in recorded order, a page at a time', async () => {
    const store = createInMemoryReadModelStore();
    await ledgerOf(store, [records, records]);
    const all = await complianceDecisionPage(store, {}, null, 100);
    expect(all.decisions.map((decision) => `${decision.rule}:${decision.decision}`)).toEqual([
      'call-window:allow',
      'do-not-contact:allow',
      'call-window:deny',
      'do-not-contact:allow',
      'case-closed:deny',
      'balance-at-least-5000:allow',
      'not-disputed:allow',
      'no-payment-in-45-days:deny',
      'balance-at-least-5000:allow',
      'not-disputed:allow',
    ]);
    expect(all.nextCursor).toBeNull();

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = await complianceDecisionPage(store, {}, cursor, 3);
      pages.push(page.decisions.map((decision) => decision.rule));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 3, 1]);
    expect(pages.flat()).toEqual(all.decisions.map((decision) => decision.rule));

    expect((await complianceDecisionPage(store, { decision: 'deny' }, null, 100)).decisions.map((decision) => decision.rule)).toEqual(['call-window', 'case-closed', 'no-payment-in-45-days']);
    expect((await complianceDecisionPage(store, { rule: 'call-window', decision: 'allow' }, null, 100)).decisions).toHaveLength(1);
    expect((await complianceDecisionPage(store, { from: '2026-06-02T00:00:00.000Z', to: '2026-07-16T09:00:00.000Z' }, null, 100)).decisions.map((decision) => decision.action)).toEqual(['MessageSent', 'MessageCancelled']);
    expect((await complianceDecisionPage(store, { actor: 'collector-1', clientId: CLIENT, accountId: 'a1' }, null, 100)).decisions).toHaveLength(10);
    expect((await complianceDecisionPage(store, { actor: 'someone-else' }, null, 100)).decisions).toEqual([]);
    expect((await complianceDecisionPage(store, { clientId: 'client-2' }, null, 100)).decisions).toEqual([]);
    expect((await complianceDecisionPage(store, { accountId: 'a2' }, null, 100)).decisions).toEqual([]);
  });

  it('reads back from the audit trail exactly the decisions the live path recorded', async () => {
    const store = createInMemoryReadModelStore();
    await ledgerOf(store, [records.slice(0, 6), records.slice(6)]);
    const fromTrail = [];
    for await (const event of complianceDecisionsFromAuditTrail(store, 2)) fromTrail.push(event);
    const rebuilt = createInMemoryReadModelStore();
    await rebuilt.apply({ ...complianceDecisionsProjection }, fromTrail);
    expect(await rebuilt.find(complianceDecisionsProjection.name, {}, { sort: { position: 1 } })).toEqual(await store.find(complianceDecisionsProjection.name, {}, { sort: { position: 1 } }));
  });
});

describe('trust summary', () => {
  it('sums what entered trust: the client\'s share, commission and credits, net of reversals', () => {
    const posted = { ...paymentPosted('a1', CLIENT, 'p1', 12_000, 0), commission: 2_500, credit: 2_000 };
    const second = { ...paymentPosted('a2', CLIENT, 'p2', 4_000, 0, 'EUR'), commission: 1_000, credit: 0 };
    const reversed = { ...paymentReversed('a1', CLIENT, 'p1', 12_000, 10_000), commission: 2_500, credit: 2_000 };
    const events = [projected(PaymentPosted, posted, 'ledger-a1', 1), projected(PaymentPosted, second, 'ledger-a2', 1)];
    const fold = (list: typeof events) => {
      const buckets = new Map<string, any>();
      for (const event of list) for (const id of trustSummaryProjection.documentIds(event)) buckets.set(id, trustSummaryProjection.evolve(buckets.get(id) ?? null, event));
      return trustSummaryOf(CLIENT, [...buckets.values()]);
    };
    expect(fold(events)).toEqual({
      clientId: CLIENT,
      byCurrency: {
        EUR: { received: 4_000, reversed: 0, trustIn: 4_000, payableToClient: 3_000, commission: 1_000, creditsOwed: 0, payments: 1, reversals: 0 },
        USD: { received: 12_000, reversed: 0, trustIn: 12_000, payableToClient: 7_500, commission: 2_500, creditsOwed: 2_000, payments: 1, reversals: 0 },
      },
    });
    expect(fold([...events, projected(PaymentReversed, reversed, 'ledger-a1', 2)]).byCurrency.USD).toEqual({ received: 12_000, reversed: 12_000, trustIn: 0, payableToClient: 0, commission: 0, creditsOwed: 0, payments: 1, reversals: 1 });
  });
});
