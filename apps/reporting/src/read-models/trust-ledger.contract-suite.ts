import { CommissionCorrected, CostAdvanceStepRecorded, CreditRefunded, PaymentPosted, PaymentReversed, RemittanceIssuedV1 } from '@lib/contracts';
import type { ReadModelStore } from '@lib/read-models';
import { remittanceIssued } from './remittance-history.contract-suite';
import { paymentPosted, paymentReversed, projected } from './reporting.fixtures';
import { TRUST_LEDGER, trustLedgerOf, trustLedgerProjection } from './trust-ledger.projection';

/**
 * A client's month: three agency payments (one with an over-payment credit, one bounced
 * inside its hold), one still in its hold at the period's end, a direct payment, a cost
 * advance, a net statement, then a claw-back, a commission correction, the credit refunded
 * and costs spent.
 * Every figure below is worked out by hand from payments' posting rules (docs/payments.md).
 */
export function trustLedgerMonth(clientId: string, id: (label: string) => string) {
  const [a1, a2, a3, a4, a5] = ['a1', 'a2', 'a3', 'a4', 'a5'].map(id);
  const posted = (accountId: string, paymentId: string, amount: number, commission: number, postedAt: string, clearsAt: string, extra: { credit?: number; direct?: boolean } = {}) =>
    projected(PaymentPosted, { ...paymentPosted(accountId, clientId, paymentId, amount, 0), commission, postedAt, clearsAt, credit: extra.credit ?? 0, direct: extra.direct ?? false }, `ledger-${accountId}`, 0);
  const reversed = (accountId: string, paymentId: string, amount: number, reversedAt: string) => projected(PaymentReversed, { ...paymentReversed(accountId, clientId, paymentId, amount, amount), reversedAt }, `ledger-${accountId}`, 1);
  const advance = (step: 'requested' | 'received' | 'spent', amount: number, at: string, version: number) =>
    projected(CostAdvanceStepRecorded, { accountId: a5, clientId, advanceId: id('adv'), step, amount, currency: 'USD', heldAfter: null, at }, `cost-advances-${id('adv')}`, version);
  const remittance = remittanceIssued(id('r1'), clientId, 1, {
    periodStart: '2026-01-01T00:00:00.000Z',
    periodEnd: '2026-02-01T00:00:00.000Z',
    issuedAt: '2026-02-01T00:05:00.000Z',
    paymentCount: 2,
    directPaymentCount: 1,
    agencyCollected: 15_000,
    agencyCommission: 3_750,
    directCollected: 8_000,
    directCommission: 2_000,
    paidToClient: 9_250,
    invoiced: 0,
  });
  const events = [
    posted(a1, id('p1'), 10_000, 2_500, '2026-01-05T10:00:00.000Z', '2026-01-08T10:00:00.000Z'),
    posted(a2, id('p2'), 6_000, 1_250, '2026-01-10T10:00:00.000Z', '2026-01-13T10:00:00.000Z', { credit: 1_000 }),
    posted(a3, id('p3'), 4_000, 1_000, '2026-01-20T10:00:00.000Z', '2026-01-23T10:00:00.000Z'),
    reversed(a3, id('p3'), 4_000, '2026-01-22T10:00:00.000Z'),
    posted(a4, id('d1'), 8_000, 2_000, '2026-01-25T10:00:00.000Z', '2026-01-25T10:00:00.000Z', { direct: true }),
    advance('requested', 3_000, '2026-01-25T12:00:00.000Z', 0),
    advance('received', 3_000, '2026-01-26T10:00:00.000Z', 1),
    posted(a5, id('p4'), 2_000, 500, '2026-01-30T10:00:00.000Z', '2026-02-03T10:00:00.000Z'),
    projected(RemittanceIssuedV1, remittance, `remittances-${clientId}`, 0),
    reversed(a1, id('p1'), 10_000, '2026-02-10T10:00:00.000Z'),
    projected(
      CommissionCorrected,
      { accountId: a2, clientId, paymentId: id('p2'), currency: 'USD', commissionBefore: 1_250, commission: 1_750, difference: 500, commissionRateBp: 3_500, cause: 'legal-rate-from-forwarding', effectiveFrom: '2026-01-09T00:00:00.000Z', correctedAt: '2026-02-12T10:00:00.000Z' },
      `ledger-${a2}`,
      1,
    ),
    projected(CreditRefunded, { accountId: a2, clientId, refundId: id('refund'), amount: 1_000, currency: 'USD', creditOwedAfter: 0, refundedAt: '2026-02-14T10:00:00.000Z' }, `ledger-${a2}`, 2),
    advance('spent', 1_000, '2026-02-15T10:00:00.000Z', 2),
  ];
  return { events, remittance, ids: { a1, a2, p1: id('p1'), p2: id('p2'), p3: id('p3'), p4: id('p4'), d1: id('d1') } };
}

/** The trust ledger projection and its query, run against a read-model store adapter. */
export function trustLedgerContract(name: string, createStore: () => Promise<ReadModelStore>): void {
  describe(`the trust ledger view on ${name}`, () => {
    let store: ReadModelStore;
    let run = 0;
    beforeEach(async () => {
      store = await createStore();
      run += 1;
    });
    afterEach(() => store.close());
    const id = (label: string) => `${label}-${run}`;

    it("journals a client's payments, reversals, statement, claw-back, correction, refund and cost advance with payments' postings and running balances", async () => {
      const client = id('client');
      const { events, ids } = trustLedgerMonth(client, id);
      await store.apply(trustLedgerProjection, events.slice(0, 6));
      await store.apply(trustLedgerProjection, events.slice(6));

      const report = await trustLedgerOf(store, client);
      expect(report?.currencies.map((c) => c.currency)).toEqual(['USD']);
      const usd = report!.currencies[0];
      expect(usd.entries.map((e) => e.kind)).toEqual([
        'payment-collected',
        'payment-collected',
        'payment-collected',
        'payment-reversed',
        'direct-payment-reported',
        'cost-advance-received',
        'payment-collected',
        'remittance-issued',
        'payment-clawed-back',
        'commission-corrected',
        'credit-refunded',
        'cost-advance-spent',
      ]);
      expect(usd.entries[1].lines).toEqual([
        { account: 'trust-cash', debit: 6_000, credit: 0 },
        { account: 'client-payable', debit: 0, credit: 3_750 },
        { account: 'fee-income', debit: 0, credit: 1_250 },
        { account: 'credits-owed', debit: 0, credit: 1_000 },
      ]);
      // The bounce inside the hold takes the share back from the payable; the one after the statement from the client (a claw-back).
      expect(usd.entries[3].lines).toEqual([
        { account: 'client-payable', debit: 3_000, credit: 0 },
        { account: 'fee-income', debit: 1_000, credit: 0 },
        { account: 'trust-cash', debit: 0, credit: 4_000 },
      ]);
      expect(usd.entries[8]).toMatchObject({ source: { paymentId: ids.p1, remittanceId: id('r1') }, lines: [{ account: 'client-receivable', debit: 7_500, credit: 0 }, { account: 'fee-income', debit: 2_500, credit: 0 }, { account: 'trust-cash', debit: 0, credit: 10_000 }] });
      // Net: the share and the commission leave trust, the direct commission is netted off the payout.
      expect(usd.entries[7]).toMatchObject({
        listingMatched: true,
        invoiced: 0,
        lines: [{ account: 'client-payable', debit: 11_250, credit: 0 }, { account: 'fee-income', debit: 3_750, credit: 0 }, { account: 'trust-cash', debit: 0, credit: 13_000 }, { account: 'client-receivable', debit: 0, credit: 2_000 }],
        balances: { trustCash: 8_000, clientPayable: 1_500, feeIncome: 2_500, creditsOwed: 1_000, clientReceivable: 0, costAdvancesHeld: 3_000 },
      });
      expect(usd.entries[9].lines).toEqual([{ account: 'client-receivable', debit: 500, credit: 0 }, { account: 'fee-income', debit: 0, credit: 500 }]);
      expect(usd.entries[10]).toMatchObject({ source: { refundId: id('refund') }, lines: [{ account: 'credits-owed', debit: 1_000, credit: 0 }, { account: 'trust-cash', debit: 0, credit: 1_000 }] });
      // p4 cleared after the period's end: still the client's money in trust.
      expect(usd.balances).toEqual({ trustCash: -4_000, clientPayable: 1_500, feeIncome: 500, creditsOwed: 0, clientReceivable: 8_000, costAdvancesHeld: 2_000 });
      expect(usd.balances.trustCash + usd.balances.clientReceivable).toBe(usd.balances.clientPayable + usd.balances.feeIncome + usd.balances.creditsOwed + usd.balances.costAdvancesHeld);
      expect(usd.totalDebits).toBe(usd.totalCredits);
      for (const entry of usd.entries) expect(entry.lines.reduce((sum, l) => sum + l.debit - l.credit, 0)).toBe(0);
    });

    it("keeps each client's journal apart, and ignores a message delivered again", async () => {
      const [client, other] = [id('client'), id('other')];
      const { events } = trustLedgerMonth(client, id);
      await store.apply(trustLedgerProjection, events);
      await store.apply(trustLedgerProjection, events);
      await store.apply(trustLedgerProjection, [projected(PaymentPosted, paymentPosted(id('o1'), other, id('op1'), 1_000, 0), `ledger-${id('o1')}`, 0)]);

      expect((await trustLedgerOf(store, client))!.currencies[0].entries).toHaveLength(12);
      expect((await trustLedgerOf(store, other))!.currencies[0].balances).toEqual({ trustCash: 1_000, clientPayable: 750, feeIncome: 250, creditsOwed: 0, clientReceivable: 0, costAdvancesHeld: 0 });
      expect(await trustLedgerOf(store, id('nobody'))).toBeNull();
      expect(await store.count(TRUST_LEDGER)).toBeGreaterThanOrEqual(2);
    });

    it('says when the payments it marks as paid out do not add up to the statement', async () => {
      const client = id('client');
      await store.apply(trustLedgerProjection, [
        projected(PaymentPosted, { ...paymentPosted(id('a'), client, id('p'), 4_000, 0), postedAt: '2026-01-05T10:00:00.000Z', clearsAt: '2026-01-08T10:00:00.000Z' }, `ledger-${id('a')}`, 0),
        projected(RemittanceIssuedV1, remittanceIssued(id('r'), client, 1, { periodEnd: '2026-02-01T00:00:00.000Z', paymentCount: 2, agencyCollected: 9_000, agencyCommission: 2_250, directCommission: 0, paidToClient: 6_750 }), `remittances-${client}`, 0),
      ]);
      const [, statement] = (await trustLedgerOf(store, client))!.currencies[0].entries;
      expect(statement).toMatchObject({ kind: 'remittance-issued', listingMatched: false });
    });
  });
}
