import { reconcile } from './reconciliation';
import { advanceMoved, corrected, paid, remitted, reversed } from './trust-ledger.fixtures';
import type { RemittanceIssued } from './remittance';
import { JournalEntry, TrustInput, trustLedgerOf } from './trust-ledger';

const lines = (entry: JournalEntry) => Object.fromEntries(entry.lines.map((l) => [l.account.clientId ? `${l.account.kind}:${l.account.clientId}` : l.account.kind, l.debit - l.credit]));
const journal = (inputs: TrustInput[]) => trustLedgerOf(inputs).entries;
const usd = (inputs: TrustInput[]) => reconcile(trustLedgerOf(inputs))[0];

describe('cost advances in the trust ledger', () => {
  it('holds a cost advance received as the client’s money in trust, apart from its collections', () => {
    expect(journal([advanceMoved('received', 'a1', 'client-1', 35_000)]).map((e) => [e.kind, lines(e), e.source])).toEqual([
      ['cost-advance-received', { 'trust-cash': 35_000, 'client-cost-advances:client-1': -35_000 }, { accountId: 'acc-a1', advanceId: 'a1' }],
    ]);
    expect(usd([advanceMoved('received', 'a1', 'client-1', 35_000)])).toMatchObject({ trustCash: 35_000, payablesTotal: 0, feeIncome: 0, costAdvancesHeld: [{ clientId: 'client-1', amount: 35_000 }], costAdvancesHeldTotal: 35_000, collectedNotRemitted: 35_000, invariantHolds: true });
  });

  it('pays costs spent and refunds what was not spent out of the advance held, never out of collections', () => {
    const inputs = [paid('p1', { applied: 10_000, commission: 2_500 }), advanceMoved('received', 'a1', 'client-1', 35_000), advanceMoved('spent', 'a1', 'client-1', 30_000), advanceMoved('refunded', 'a1', 'client-1', 5_000)];
    expect(journal(inputs).slice(2).map((e) => [e.kind, lines(e)])).toEqual([
      ['cost-advance-spent', { 'client-cost-advances:client-1': 30_000, 'trust-cash': -30_000 }],
      ['cost-advance-refunded', { 'client-cost-advances:client-1': 5_000, 'trust-cash': -5_000 }],
    ]);
    expect(usd(inputs)).toMatchObject({ trustCash: 10_000, payablesTotal: 7_500, feeIncome: 2_500, costAdvancesHeldTotal: 0, collectedNotRemitted: 10_000, invariantHolds: true });
  });
});

describe('a commission corrected after posting, in the trust ledger', () => {
  const payment = paid('p1', { applied: 10_000, commission: 2_500 });

  it('moves the difference from the client’s payable to the agency’s fee while the money is in trust', () => {
    const entries = journal([payment, corrected(payment, 2_500, 4_000)]);
    expect([entries[1].kind, lines(entries[1]), entries[1].source]).toEqual(['commission-corrected', { 'client-payable:client-1': 1_500, 'fee-income': -1_500 }, { accountId: 'acc-p1', paymentId: 'p1' }]);
  });

  const statement = (remittanceId: string, paymentIds: string[], extra: Partial<RemittanceIssued['data']>): RemittanceIssued => {
    const issued = remitted(remittanceId, 'client-1', paymentIds);
    return { ...issued, data: { ...issued.data, remittanceType: 'net', ...extra } };
  };

  it('remits the corrected share and fee afterwards, at the commission the statement records', () => {
    const inputs = [payment, corrected(payment, 2_500, 4_000), statement('r1', ['p1'], { commissions: [{ paymentId: 'p1', commission: 4_000 }] })];
    expect(usd(inputs)).toMatchObject({ trustCash: 0, payablesTotal: 0, feeIncome: 0, receivablesTotal: 0, invariantHolds: true });
  });

  it('makes the client owe the difference when its statement charged the posted commission (a correction the run did not see)', () => {
    expect(usd([payment, corrected(payment, 2_500, 4_000), remitted('r1', 'client-1', ['p1'])])).toMatchObject({ trustCash: 0, payablesTotal: 0, feeIncome: 1_500, receivablesTotal: 1_500, invariantHolds: true });
  });

  it('settles a correction after remittance on the next statement, once, and claws back the share left after it', () => {
    const later = paid('p2', { applied: 50_000, commission: 0 });
    const line = { paymentId: 'p1', remittanceId: 'r1', direct: false, commissionBefore: 2_500, commission: 4_000 };
    const settling = statement('r2', ['p2'], { commissionCorrections: [line, line] });
    const settled = [payment, remitted('r1', 'client-1', ['p1']), corrected(payment, 2_500, 4_000), later, settling];
    expect(lines(journal(settled).at(-1)!)).toEqual({ 'client-payable:client-1': 50_000, 'trust-cash': -48_500, 'client-receivable:client-1': -1_500 });
    expect(usd(settled)).toMatchObject({ receivablesTotal: 0, feeIncome: 1_500, invariantHolds: true });
    expect(usd([...settled, statement('r3', [], { commissionCorrections: [line] })])).toMatchObject({ receivablesTotal: 0 });

    const next = paid('p3', { applied: 50_000, commission: 0 });
    const clawedBack = [...settled, reversed(payment, 'remitted'), next, statement('r3', ['p3'], { clawbacks: [{ paymentId: 'p1', remittanceId: 'r1', commission: 4_000 }] })];
    // Paid 7,500 for it, of which 1,500 came back with the correction: 6,000 owed back.
    expect(lines(journal(clawedBack).at(-1)!)).toEqual({ 'client-payable:client-1': 50_000, 'trust-cash': -44_000, 'client-receivable:client-1': -6_000 });
    expect(usd(clawedBack)).toMatchObject({ receivablesTotal: 0, feeIncome: -2_500, invariantHolds: true });
  });

  it('makes the client owe the difference once the old share was remitted', () => {
    const inputs = [payment, remitted('r1', 'client-1', ['p1']), corrected(payment, 2_500, 4_000)];
    expect(lines(journal(inputs)[2])).toEqual({ 'client-receivable:client-1': 1_500, 'fee-income': -1_500 });
    expect(usd(inputs)).toMatchObject({ trustCash: 0, receivablesTotal: 1_500, feeIncome: 1_500, invariantHolds: true });
  });

  it('claws back the share the client was paid, not the share a later correction left it', () => {
    const later = paid('p2', { applied: 50_000, commission: 0 });
    const clawing = remitted('r2', 'client-1', ['p2']);
    const inputs: TrustInput[] = [payment, remitted('r1', 'client-1', ['p1']), corrected(payment, 2_500, 4_000), reversed(payment, 'remitted'), later, { ...clawing, data: { ...clawing.data, remittanceType: 'net', clawbacks: [{ paymentId: 'p1', remittanceId: 'r1' }] } }];
    expect(lines(journal(inputs).at(-1)!)).toEqual({ 'client-payable:client-1': 50_000, 'trust-cash': -42_500, 'client-receivable:client-1': -7_500 });
    expect(usd(inputs)).toMatchObject({ receivablesTotal: 0, feeIncome: -2_500, trustCash: -2_500, invariantHolds: true });
  });

  it('reverses a corrected payment by taking back the corrected figures', () => {
    expect(usd([payment, corrected(payment, 2_500, 4_000), reversed(payment)])).toMatchObject({ trustCash: 0, payablesTotal: 0, feeIncome: 0, invariantHolds: true });
  });

  it('runs the other way for a lower commission, and moves nothing for a payment already reversed', () => {
    expect(lines(journal([payment, corrected(payment, 2_500, 1_000)])[1])).toEqual({ 'fee-income': 1_500, 'client-payable:client-1': -1_500 });
    expect(journal([payment, reversed(payment), corrected(payment, 2_500, 4_000)]).map((e) => e.kind)).toEqual(['payment-collected', 'payment-reversed']);
  });
});
