import { inflateSync } from 'node:zlib';
import { fold, isRejection } from '@lib/es-core';
import { corrected, paid, reversed } from '../trust-ledger/trust-ledger.fixtures';
import type { ClientInvoiced, RemittanceIssued, RemittancesEvent, RemittanceType } from '../trust-ledger/remittance';
import { reconcile } from '../trust-ledger/reconciliation';
import { trustLedgerOf, TrustInput, TrustPaymentPosted } from '../trust-ledger/trust-ledger';
import { paymentFactsOf, selectStatementItems, statementOf } from './remittance-statement';
import { remittancesDecider, RemittancesState } from './remittances.decider';
import { renderStatement, sealStatement } from './seal-statement';
import { statementCsv } from './statement.csv';

const CLIENT = 'client-1';
const JAN = { periodStart: '2026-01-01T00:00:00.000Z', periodEnd: '2026-02-01T00:00:00.000Z' };
const FEB = { periodStart: '2026-02-01T00:00:00.000Z', periodEnd: '2026-03-01T00:00:00.000Z' };
const AFTER_FEB = new Date('2026-03-02T00:00:00.000Z');

/** An agency (or direct) payment posted and cleared at the given instants. */
function payment(id: string, o: { applied: number; commission: number; credit?: number; postedAt?: string; clearsAt?: string; direct?: boolean }): TrustPaymentPosted {
  const base = paid(id, { clientId: CLIENT, applied: o.applied, commission: o.commission, credit: o.credit, direct: o.direct });
  const postedAt = o.postedAt ?? '2026-01-10T12:00:00.000Z';
  return { ...base, data: { ...base.data, postedAt, clearsAt: o.clearsAt ?? postedAt } };
}

function bounced(p: TrustPaymentPosted, at: string, remittanceId?: string): TrustInput {
  const reversal = reversed(p, remittanceId ? 'remitted' : 'cleared');
  return { ...reversal, data: { ...reversal.data, reversedAt: at, ...(remittanceId ? { remittanceId } : {}) } };
}

let ids = 0;
const newId = () => `id-${++ids}`;

/** Runs the client's remittance for `period` over `history` and the statements already issued. */
async function run(history: TrustInput[], issued: RemittancesEvent[], type: RemittanceType, period: { periodStart: string; periodEnd: string }, now = AFTER_FEB) {
  const state: RemittancesState = fold(remittancesDecider, issued);
  const facts = paymentFactsOf(history);
  const selections = selectStatementItems(facts, state, period.periodEnd);
  const statements = [];
  for (const [index, selection] of selections.entries()) {
    statements.push(await sealStatement(selection, facts, { remittanceId: newId(), invoiceId: newId(), statementNumber: state.statements + index + 1, clientId: CLIENT, remittanceType: type, agreementVersion: null, ...period, issuedAt: now.toISOString() }));
  }
  return remittancesDecider.decide({ type: 'IssueRemittance', clientId: CLIENT, ...period, remittanceType: type, agreementVersion: null, statements, now }, state);
}

async function issuedOf(decision: Awaited<ReturnType<typeof run>>) {
  if (isRejection(decision)) throw new Error(`refused: ${decision.rule}`);
  const issued = decision.filter((e): e is RemittanceIssued => e.type === 'RemittanceIssued');
  const invoices = decision.filter((e): e is ClientInvoiced => e.type === 'ClientInvoiced');
  return { events: decision, issued, invoices, statement: issued[0]?.data };
}

const p1 = payment('p1', { applied: 10_000, commission: 2_500 });
const p2 = payment('p2', { applied: 4_000, commission: 1_000, credit: 500 });
const direct = payment('d1', { applied: 8_000, commission: 2_000, direct: true });

describe('a remittance run', () => {
  it('pays the client, in net, its share of every cleared agency payment and keeps the commission', async () => {
    const { statement, invoices } = await issuedOf(await run([p1, p2], [], 'net', JAN));
    expect(statement.paymentIds.sort()).toEqual(['p1', 'p2']);
    expect(statement.totals).toMatchObject({ agencyCollected: 14_000, agencyCommission: 3_500, agencyClientShare: 10_500, commissionDeducted: 3_500, paidToClient: 10_500, invoiced: 0 });
    expect(invoices).toEqual([]);
  });

  it('leaves a payment still in its hold at the period end for the next run', async () => {
    const late = payment('p3', { applied: 2_000, commission: 500, postedAt: '2026-01-30T12:00:00.000Z', clearsAt: '2026-02-04T12:00:00.000Z' });
    const january = await issuedOf(await run([p1, late], [], 'net', JAN));
    expect(january.statement.paymentIds).toEqual(['p1']);
    const february = await issuedOf(await run([p1, late], january.events, 'net', FEB));
    expect(february.statement.paymentIds).toEqual(['p3']);
    expect(february.statement.statementNumber).toBe(2);
  });

  it('pays everything collected, in gross, and invoices the commission', async () => {
    const { statement, invoices } = await issuedOf(await run([p1, direct], [], 'gross', JAN));
    expect(statement.totals).toMatchObject({ paidToClient: 10_000, commissionDeducted: 0, invoiced: 2_500 + 2_000 });
    expect(invoices.map((i) => i.data)).toEqual([expect.objectContaining({ amount: 4_500, commissionInvoiced: 4_500, shortfall: 0, remittanceId: statement.remittanceId })]);
  });

  it('deducts agency commission, in combined, and invoices the direct-payment commission', async () => {
    const { statement, invoices } = await issuedOf(await run([p1, direct], [], 'combined', JAN));
    expect(statement.directPaymentIds).toEqual(['d1']);
    expect(statement.totals).toMatchObject({ paidToClient: 7_500, commissionDeducted: 2_500, invoiced: 2_000 });
    expect(invoices.map((i) => i.data.amount)).toEqual([2_000]);
  });

  it('takes direct-payment commission off the payout in net, and invoices nothing while the payout covers it', async () => {
    const { statement, invoices } = await issuedOf(await run([p1, direct], [], 'net', JAN));
    expect(statement.totals).toMatchObject({ netted: 2_000, paidToClient: 7_500 - 2_000, invoiced: 0 });
    expect(invoices).toEqual([]);
  });

  it('invoices a direct payment reported in a period with nothing collected by the agency', async () => {
    const { statement, invoices } = await issuedOf(await run([direct], [], 'net', JAN));
    expect(statement.totals).toMatchObject({ paidToClient: 0, invoiced: 2_000 });
    expect(invoices.map((i) => i.data)).toEqual([expect.objectContaining({ amount: 2_000, shortfall: 2_000, commissionInvoiced: 0 })]);
  });

  it('claws back, on the next statement, a payment reversed after remittance, traced to the remittance that paid it', async () => {
    const january = await issuedOf(await run([p1], [], 'net', JAN));
    const paidBy = january.statement.remittanceId;
    const p4 = payment('p4', { applied: 20_000, commission: 5_000, postedAt: '2026-02-10T00:00:00.000Z' });
    const history = [p1, bounced(p1, '2026-02-05T00:00:00.000Z', paidBy), p4];
    const february = await issuedOf(await run(history, january.events, 'net', FEB));
    expect(february.statement.clawbacks).toEqual([{ paymentId: 'p1', remittanceId: paidBy }]);
    expect(february.statement.totals).toMatchObject({ clawedBack: 7_500, netted: 7_500, paidToClient: 15_000 - 7_500, invoiced: 0 });
    const shown = statementOf(february.statement, paymentFactsOf(history));
    expect(shown.clawbacks).toEqual([expect.objectContaining({ paymentId: 'p1', remittanceId: paidBy, clientShare: 7_500, reversedAt: '2026-02-05T00:00:00.000Z' })]);
  });

  it('invoices a negative net: a claw-back the next payout cannot cover', async () => {
    const january = await issuedOf(await run([p1], [], 'net', JAN));
    const small = payment('p5', { applied: 1_000, commission: 250, postedAt: '2026-02-10T00:00:00.000Z' });
    const february = await issuedOf(await run([p1, bounced(p1, '2026-02-05T00:00:00.000Z', january.statement.remittanceId), small], january.events, 'net', FEB));
    expect(february.statement.totals).toMatchObject({ paidToClient: 0, netted: 750, invoiced: 7_500 - 750 });
    expect(february.invoices.map((i) => i.data)).toEqual([expect.objectContaining({ amount: 6_750, shortfall: 6_750 })]);
  });

  it('never undoes on a statement a payment reversed before it was remitted', async () => {
    const { statement } = await issuedOf(await run([p1, p2, bounced(p2, '2026-01-20T00:00:00.000Z')], [], 'net', JAN));
    expect(statement.paymentIds).toEqual(['p1']);
    expect(statement.clawbacks).toEqual([]);
  });

  it('remits a payment on one statement only', async () => {
    const january = await issuedOf(await run([p1], [], 'net', JAN));
    const february = await run([p1], january.events, 'net', FEB);
    expect(february).toEqual([]);
  });

  it('refuses a period that reaches into one already remitted', async () => {
    const january = await issuedOf(await run([p1], [], 'net', JAN));
    const again = await run([p1, p2], january.events, 'net', { periodStart: '2026-01-15T00:00:00.000Z', periodEnd: FEB.periodEnd });
    expect(again).toMatchObject({ kind: 'rejection', rule: 'remittance-period-already-run' });
  });

  it('refuses a period that has not ended', async () => {
    expect(await run([p1], [], 'net', JAN, new Date('2026-01-31T00:00:00.000Z'))).toMatchObject({ kind: 'rejection', rule: 'remittance-period-not-ended' });
  });

  it('refuses a period that ends before it starts', async () => {
    expect(await run([p1], [], 'net', { periodStart: FEB.periodEnd, periodEnd: FEB.periodStart })).toMatchObject({ kind: 'rejection', rule: 'remittance-period-invalid' });
  });

  it('records the hashes of the renderings, which rendering the statement again from history reproduces byte for byte', async () => {
    const history = [p1, p2, direct];
    const { statement } = await issuedOf(await run(history, [], 'combined', JAN));
    const again = await renderStatement(statementOf(statement, paymentFactsOf(history)));
    const once = await renderStatement(statementOf(statement, paymentFactsOf(history)));
    expect(again.pdf.equals(once.pdf)).toBe(true);
    expect(again.csv).toBe(once.csv);
    expect({ csv: again.csvSha256, pdf: again.pdfSha256 }).toEqual({ csv: statement.csvSha256, pdf: statement.pdfSha256 });
    expect(again.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(again.csv.split('\r\n')[3]).toBe('agency,p1,acc-p1,ach,2026-01-10T12:00:00.000Z,2026-01-10T12:00:00.000Z,,,10000,2500,7500');
  });

  it('charges a payment corrected before its statement at the corrected commission, recorded on the statement, so a later correction leaves it as issued', async () => {
    const before = [p1, corrected(p1, 2_500, 4_000)];
    const { statement } = await issuedOf(await run(before, [], 'net', JAN));
    expect(statement.commissions).toEqual([{ paymentId: 'p1', commission: 4_000 }]);
    expect(statement.totals).toMatchObject({ agencyCommission: 4_000, agencyClientShare: 6_000, paidToClient: 6_000 });
    const later = [...before, corrected(p1, 4_000, 4_500)];
    const again = await renderStatement(statementOf(statement, paymentFactsOf(later)));
    expect({ csv: again.csvSha256, pdf: again.pdfSha256 }).toEqual({ csv: statement.csvSha256, pdf: statement.pdfSha256 });
    expect(again.csv.split('\r\n')[3]).toBe('agency,p1,acc-p1,ach,2026-01-10T12:00:00.000Z,2026-01-10T12:00:00.000Z,,,10000,4000,6000');
  });

  it('settles a commission corrected after remittance on the next statement, as its type settles commission, once', async () => {
    const p3 = payment('p3', { applied: 20_000, commission: 5_000, postedAt: '2026-02-10T12:00:00.000Z' });
    for (const [type, netted, invoiced] of [['net', 1_500, 0], ['combined', 1_500, 0], ['gross', 0, 5_000 + 1_500]] as const) {
      const january = await issuedOf(await run([p1], [], type, JAN));
      const history = [p1, corrected(p1, 2_500, 4_000), p3];
      const february = await issuedOf(await run(history, january.events, type, FEB));
      expect(february.statement.commissionCorrections).toEqual([{ paymentId: 'p1', remittanceId: january.statement.remittanceId, direct: false, commissionBefore: 2_500, commission: 4_000 }]);
      expect({ type, totals: february.statement.totals }).toMatchObject({ type, totals: { agencyCommissionCorrected: 1_500, directCommissionCorrected: 0, netted, invoiced } });
      const shown = statementOf(february.statement, paymentFactsOf(history));
      expect(shown.commissionCorrections).toEqual([expect.objectContaining({ paymentId: 'p1', accountId: 'acc-p1', difference: 1_500 })]);
      expect(statementCsv(shown)).toContain(`commission-correction,p1,acc-p1,agency,,,,${january.statement.remittanceId},,1500,-1500\r\n`);
      const march = await run(history, [...january.events, ...february.events], type, { periodStart: FEB.periodEnd, periodEnd: '2026-03-02T00:00:00.000Z' });
      expect(march).toEqual([]);
    }
  });

  it('takes back, on the next statement, the commission of a direct payment reversed after the statement that invoiced it, traced to the payment and that statement, once', async () => {
    const p3 = payment('p3', { applied: 20_000, commission: 5_000, postedAt: '2026-02-10T12:00:00.000Z' });
    // Taken back as the type settled it: off the next payout in net, credited against the client's invoices (a negative invoice) in combined and gross.
    for (const [type, paidToClient, invoiced] of [['net', 15_000 + 2_000, 0], ['combined', 15_000, -2_000], ['gross', 20_000, 5_000 - 2_000]] as const) {
      const january = await issuedOf(await run([direct], [], type, JAN));
      expect(january.statement.directPaymentIds).toEqual(['d1']);
      const history = [direct, bounced(direct, '2026-02-05T00:00:00.000Z'), p3];
      const february = await issuedOf(await run(history, january.events, type, FEB));

      expect(february.statement.commissionCorrections).toEqual([{ paymentId: 'd1', remittanceId: january.statement.remittanceId, direct: true, commissionBefore: 2_000, commission: 0, reversed: true }]);
      expect({ type, totals: february.statement.totals }).toMatchObject({ type, totals: { directCommissionCorrected: -2_000, paidToClient, invoiced } });
      const shown = statementOf(february.statement, paymentFactsOf(history));
      expect(shown.commissionCorrections).toEqual([expect.objectContaining({ paymentId: 'd1', accountId: 'acc-d1', difference: -2_000, reversedAt: '2026-02-05T00:00:00.000Z' })]);
      expect(statementCsv(shown)).toContain(`commission-correction,d1,acc-d1,direct,,,2026-02-05T00:00:00.000Z,${january.statement.remittanceId},,-2000,\r\n`);
      const again = await renderStatement(shown);
      expect({ csv: again.csvSha256, pdf: again.pdfSha256 }).toEqual({ csv: february.statement.csvSha256, pdf: february.statement.pdfSha256 });

      // The trust ledger settles it with the statement: nothing stays owed either way, and trust still reconciles.
      const inOrder = [direct, ...january.events, ...history.slice(1), ...february.events].filter((e): e is TrustInput => e.type !== 'ClientInvoiced');
      const [usd] = reconcile(trustLedgerOf(inOrder));
      const invoicedInAll = [...january.invoices, ...february.invoices].reduce((sum, i) => sum + i.data.amount, 0);
      expect({ type, invariantHolds: usd.invariantHolds, receivables: usd.receivablesTotal }).toEqual({ type, invariantHolds: true, receivables: invoicedInAll });

      const march = await run(history, [...january.events, ...february.events], type, { periodStart: FEB.periodEnd, periodEnd: '2026-03-02T00:00:00.000Z' });
      expect(march).toEqual([]);
    }
  });

  it('never takes back the commission of a direct payment reversed before any statement settled it', async () => {
    const { statement } = await issuedOf(await run([p1, direct, bounced(direct, '2026-01-20T00:00:00.000Z')], [], 'net', JAN));
    expect(statement.directPaymentIds).toEqual([]);
    expect(statement).not.toHaveProperty('commissionCorrections');
  });

  it('renders a statement without corrections as statements always were: no correction lines, no correction totals', async () => {
    const { statement } = await issuedOf(await run([p1, p2, direct], [], 'combined', JAN));
    expect(statement.totals).not.toHaveProperty('agencyCommissionCorrected');
    expect(statement).not.toHaveProperty('commissions');
    expect(statement).not.toHaveProperty('commissionCorrections');
    expect(statementCsv(statementOf(statement, paymentFactsOf([p1, p2, direct])))).not.toContain('correct');
  });

  it('shows every line of a statement of many pages in its PDF', async () => {
    const many = Array.from({ length: 250 }, (_, i) => payment(`pay-${String(i).padStart(4, '0')}`, { applied: 1_000 + i, commission: 250 }));
    const { statement } = await issuedOf(await run(many, [], 'net', JAN));
    const { pdf } = await renderStatement(statementOf(statement, paymentFactsOf(many)));
    const text = pageContents(pdf);
    const shown = (id: string) => text.includes(id) || text.includes(Buffer.from(id).toString('hex'));
    expect(many.map((p) => p.data.paymentId).filter((id) => !shown(id))).toEqual([]);
    // 250 lines at about 50 a page.
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(5);
  });
});

/** The PDF's compressed streams, inflated and joined: its page contents, to look for what it shows. */
function pageContents(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [];
  const stream = /stream\r?\n/g;
  let found: RegExpExecArray | null;
  while ((found = stream.exec(raw))) {
    const start = found.index + found[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream (or its end trimmed differently): nothing to read in it
    }
    stream.lastIndex = end + 'endstream'.length;
  }
  return parts.join('\n').toLowerCase();
}
