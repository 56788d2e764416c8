import { reconcile } from './reconciliation';
import { paid, refunded, remitted, reversed } from './trust-ledger.fixtures';
import { JournalEntry, TrustInput, trustLedgerOf } from './trust-ledger';

/** An entry's lines as `+debit` / `-credit` per account, readable in one line. */
const lines = (entry: JournalEntry) => Object.fromEntries(entry.lines.map((l) => [l.account.clientId ? `${l.account.kind}:${l.account.clientId}` : l.account.kind, l.debit - l.credit]));
const journal = (inputs: TrustInput[]) => trustLedgerOf(inputs).entries;
const usd = (inputs: TrustInput[]) => reconcile(trustLedgerOf(inputs))[0];

describe('the trust ledger', () => {
  const payment = paid('p1', { applied: 10_000, commission: 2_500 });

  it('puts an agency-collected payment into trust cash, owed to the client less the fee', () => {
    expect(journal([payment]).map((e) => [e.kind, lines(e)])).toEqual([['payment-collected', { 'trust-cash': 10_000, 'client-payable:client-1': -7_500, 'fee-income': -2_500 }]]);
  });

  it('keeps an over-payment in trust as a credit owed back to the payer, earning no fee', () => {
    const over = paid('p2', { applied: 4_000, commission: 1_000, credit: 600 });
    expect(lines(journal([over])[0])).toEqual({ 'trust-cash': 4_600, 'client-payable:client-1': -3_000, 'fee-income': -1_000, 'credits-owed': -600 });
  });

  it('pays a refunded credit out of trust cash', () => {
    const over = paid('p2', { applied: 4_000, commission: 1_000, credit: 600 });
    expect(lines(journal([over, refunded(over, 600)])[1])).toEqual({ 'credits-owed': 600, 'trust-cash': -600 });
    expect(usd([over, refunded(over, 600)])).toMatchObject({ trustCash: 4_000, creditsOwed: 0, invariantHolds: true });
  });

  it('moves no trust cash for a direct payment: the client owes the agency its fee', () => {
    const direct = paid('d1', { applied: 8_000, commission: 2_000, direct: true });
    expect(journal([direct]).map((e) => [e.kind, lines(e)])).toEqual([['direct-payment-reported', { 'client-receivable:client-1': 2_000, 'fee-income': -2_000 }]]);
    expect(usd([direct])).toMatchObject({ trustCash: 0, receivablesTotal: 2_000, feeIncome: 2_000, collectedNotRemitted: 0, invariantHolds: true });
  });

  it('undoes a payment reversed before remittance exactly, leaving nothing in trust', () => {
    expect(lines(journal([payment, reversed(payment, 'in-hold')])[1])).toEqual({ 'trust-cash': -10_000, 'client-payable:client-1': 7_500, 'fee-income': 2_500 });
    expect(usd([payment, reversed(payment, 'in-hold')])).toMatchObject({ trustCash: 0, payablesTotal: 0, feeIncome: 0, invariantHolds: true });
  });

  it("pays a remittance out of trust: the client's share to the client, the fee to the agency", () => {
    const entries = journal([payment, remitted('r1', 'client-1', ['p1'])]);
    expect([entries[1].kind, lines(entries[1]), entries[1].source]).toEqual(['remittance-issued', { 'client-payable:client-1': 7_500, 'fee-income': 2_500, 'trust-cash': -10_000 }, { remittanceId: 'r1' }]);
  });

  it('turns a reversal after remittance into a claw-back: the client owes its share back, traced to the remittance', () => {
    const entries = journal([payment, remitted('r1', 'client-1', ['p1']), reversed(payment, 'remitted')]);
    expect([entries[2].kind, lines(entries[2]), entries[2].source.remittanceId]).toEqual(['payment-clawed-back', { 'client-receivable:client-1': 7_500, 'fee-income': 2_500, 'trust-cash': -10_000 }, 'r1']);
    expect(usd([payment, remitted('r1', 'client-1', ['p1']), reversed(payment, 'remitted')])).toMatchObject({ trustCash: -10_000, receivablesTotal: 7_500, feeIncome: -2_500, collectedNotRemitted: -10_000, invariantHolds: true });
  });

  it("remits a payment once, and only the client's own standing agency payments", () => {
    const other = paid('p3', { clientId: 'client-2', applied: 1_000, commission: 100 });
    const bounced = paid('p4', { applied: 2_000, commission: 500 });
    const inputs = [payment, other, bounced, reversed(bounced), remitted('r1', 'client-1', ['p1', 'p3', 'p4']), remitted('r2', 'client-1', ['p1'])];
    const remittances = journal(inputs).filter((e) => e.kind === 'remittance-issued');
    expect(remittances.map(lines)).toEqual([{ 'client-payable:client-1': 7_500, 'fee-income': 2_500, 'trust-cash': -10_000 }]);
  });

  it('pays a gross remittance out of trust in full and leaves its commission receivable from the client', () => {
    const gross = { ...remitted('r1', 'client-1', ['p1']), data: { ...remitted('r1', 'client-1', ['p1']).data, remittanceType: 'gross' as const } };
    const [, entry] = journal([payment, gross]);
    expect(entry.lines.map((l) => [l.account.kind, l.debit - l.credit])).toEqual([
      ['client-payable', 7_500],
      ['client-receivable', 2_500],
      ['trust-cash', -10_000],
    ]);
    expect(usd([payment, gross])).toMatchObject({ trustCash: 0, feeIncome: 2_500, receivablesTotal: 2_500, invariantHolds: true });
  });

  it("nets a claw-back and direct-payment commission against a net remittance's payout", () => {
    const direct = paid('d1', { applied: 8_000, commission: 2_000, direct: true });
    const later = paid('p2', { applied: 20_000, commission: 5_000 });
    const first = remitted('r1', 'client-1', ['p1']);
    const second = { ...remitted('r2', 'client-1', ['p2']), data: { ...remitted('r2', 'client-1', ['p2']).data, remittanceType: 'net' as const, directPaymentIds: ['d1'], clawbacks: [{ paymentId: 'p1', remittanceId: 'r1' }] } };
    const inputs = [payment, first, reversed(payment, 'remitted'), direct, later, second];
    const entry = journal(inputs).at(-1)!;
    // Share 15,000 less the 7,500 clawed back and the 2,000 direct commission: 5,500 paid; the 5,000 fee taken.
    expect(entry.lines.map((l) => [l.account.kind, l.debit - l.credit])).toEqual([
      ['client-payable', 15_000],
      ['fee-income', 5_000],
      ['trust-cash', -10_500],
      ['client-receivable', -9_500],
    ]);
    expect(usd(inputs)).toMatchObject({ payablesTotal: 0, receivablesTotal: 0, invariantHolds: true });
  });

  it('keeps one ledger per currency', () => {
    const euro = paid('e1', { applied: 3_000, commission: 300, currency: 'EUR' });
    expect(reconcile(trustLedgerOf([payment, euro])).map((c) => [c.currency, c.trustCash])).toEqual([
      ['EUR', 3_000],
      ['USD', 10_000],
    ]);
  });

  it('reports a ledger whose cash does not match what was collected as not reconciling', () => {
    const ledger = trustLedgerOf([payment]);
    ledger.entries[0].lines[0].debit -= 1;
    expect(reconcile(ledger)[0]).toMatchObject({ entriesBalanced: false, invariantHolds: false });
  });
});
