import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import { formatMajorUnits } from '@lib/money';
import type { RemittanceStatement } from './remittance-statement';

const MARGIN = 40;
const LINE = 10;
const FONT_SIZE = 7.5;

const pad = (text: string, width: number) => (text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length));
const padLeft = (text: string, width: number) => (text.length >= width ? text : ' '.repeat(width - text.length) + text);

/**
 * The statement as PDF. Deterministic: the document's dates are the statement's issue
 * instant and its file ID (pdfkit derives it from the info dictionary) follows from them,
 * the fonts are the standard ones (nothing embedded, no random subset tag), and the
 * content is the statement alone. One monospaced line per row keeps a 100,000-line
 * statement quick to render.
 */
export function statementPdf(statement: RemittanceStatement): Promise<Buffer> {
  const s = statement;
  const issued = new Date(s.issuedAt);
  const doc = new (pdfkit())({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: `Remittance statement ${s.remittanceId}`, Author: 'Collections agency', Subject: `Client ${s.clientId}`, Producer: 'payments', Creator: 'payments', CreationDate: issued, ModDate: issued },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const money = (minor: number) => padLeft(formatMajorUnits(minor, s.currency), 16);
  const lines: Array<{ text: string; bold?: boolean; gap?: boolean }> = [];
  const heading = (text: string) => lines.push({ text, bold: true });
  const row = (text: string) => lines.push({ text });
  const gap = () => lines.push({ text: '', gap: true });

  row(`Remittance ${s.remittanceId}   Client ${s.clientId}   Currency ${s.currency}   Type ${s.remittanceType}   Agreement version ${s.agreementVersion ?? 'default'}`);
  row(`Period ${s.periodStart} to ${s.periodEnd}   Issued ${s.issuedAt}`);
  gap();
  heading(`Payments collected by the agency (${s.payments.length})`);
  heading(`${pad('posted', 25)}${pad('payment', 37)}${pad('account', 37)}${pad('method', 9)}${padLeft('collected', 16)}${padLeft('commission', 16)}${padLeft('client share', 16)}`);
  for (const p of s.payments) row(`${pad(p.postedAt, 25)}${pad(p.paymentId, 37)}${pad(p.accountId, 37)}${pad(p.method, 9)}${money(p.collected)}${money(p.commission)}${money(p.clientShare)}`);
  gap();
  heading(`Payments reported direct by the client (${s.directPayments.length})`);
  heading(`${pad('posted', 25)}${pad('payment', 37)}${pad('account', 37)}${pad('', 9)}${padLeft('collected', 16)}${padLeft('commission', 16)}`);
  for (const p of s.directPayments) row(`${pad(p.postedAt, 25)}${pad(p.paymentId, 37)}${pad(p.accountId, 37)}${pad('', 9)}${money(p.collected)}${money(p.commission)}`);
  gap();
  heading(`Claw-backs: payments reversed after remittance (${s.clawbacks.length})`);
  heading(`${pad('reversed', 25)}${pad('payment', 37)}${pad('paid out by remittance', 37)}${pad('reason', 9)}${padLeft('collected', 16)}${padLeft('commission', 16)}${padLeft('owed back', 16)}`);
  for (const c of s.clawbacks) row(`${pad(c.reversedAt, 25)}${pad(c.paymentId, 37)}${pad(c.remittanceId, 37)}${pad(c.reason, 9)}${money(-c.collected)}${money(-c.commission)}${money(-c.clientShare)}`);
  gap();
  // Only statements that list corrections have this part, so every other statement renders as before.
  if (s.commissionCorrections.length > 0) {
    heading(`Commission corrected after an earlier statement (${s.commissionCorrections.length})`);
    heading(`${pad('kind', 25)}${pad('payment', 37)}${pad('settled by remittance', 37)}${pad('', 9)}${padLeft('before', 16)}${padLeft('now', 16)}${padLeft('difference', 16)}`);
    for (const c of s.commissionCorrections) row(`${pad(c.reversedAt ? `direct rev. ${c.reversedAt.slice(0, 10)}` : c.direct ? 'direct' : 'agency', 25)}${pad(c.paymentId, 37)}${pad(c.remittanceId, 37)}${pad('', 9)}${money(c.commissionBefore)}${money(c.commission)}${money(c.difference)}`);
    gap();
  }
  heading('Totals');
  const t = s.totals;
  const totals: Array<[string, number]> = [
    ['Collected by the agency', t.agencyCollected],
    ['Commission on agency collections', t.agencyCommission],
    ['Client share of agency collections', t.agencyClientShare],
    ['Reported direct', t.directCollected],
    ['Commission on direct payments', t.directCommission],
    ['Clawed back', t.clawedBack],
    ['Commission deducted', t.commissionDeducted],
    ['Owed by the client, netted', t.netted],
    ['Paid to the client', t.paidToClient],
    ['Invoiced to the client', t.invoiced],
  ];
  if (t.agencyCommissionCorrected !== undefined) totals.splice(5, 0, ['Agency commission corrected', t.agencyCommissionCorrected]);
  if (t.directCommissionCorrected !== undefined) totals.splice(6, 0, ['Direct commission corrected', t.directCommissionCorrected]);
  for (const [label, value] of totals) row(`${pad(label, 40)}${money(value)}`);

  doc.font('Helvetica-Bold').fontSize(14).text(`Remittance statement no. ${s.statementNumber}`, MARGIN, MARGIN, { lineBreak: false });
  writeLines(doc, lines, MARGIN + 22);
  doc.end();
  return done;
}

/** A PDF string literal of ASCII text: the three characters that need it escaped, anything else outside printable ASCII shown as `?`. */
const literal = (text: string) => `(${text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`)})`;

type FontOf = PDFKit.PDFDocument & { _font?: { id: string; ascender: number } };

/**
 * Writes the lines top-down, a new page when one is full. pdfkit's `text()` lays out
 * every line (wrapping, measuring), which for a 100,000-line statement takes a minute; a
 * run of plain lines is instead written as one text object of its own: the first line
 * through `text()` (which puts the font on the page), the rest as `Tj`/`T*` operators in
 * the same font, at the positions `text()` would have used.
 */
function writeLines(doc: PDFKit.PDFDocument, lines: ReadonlyArray<{ text: string; bold?: boolean; gap?: boolean }>, top: number): void {
  const bottom = doc.page.height - MARGIN;
  let y = top;
  let index = 0;
  while (index < lines.length) {
    if (y + LINE > bottom) {
      doc.addPage();
      y = MARGIN;
    }
    const line = lines[index];
    if (line.gap) {
      y += LINE;
      index += 1;
      continue;
    }
    doc.font(line.bold ? 'Courier-Bold' : 'Courier').fontSize(FONT_SIZE).text(line.text, MARGIN, y, { lineBreak: false });
    y += LINE;
    index += 1;
    if (line.bold) continue;
    const font = (doc as FontOf)._font;
    if (!font) continue;
    const run: string[] = [];
    const runTop = y;
    while (index < lines.length && !lines[index].bold && !lines[index].gap && y + LINE <= bottom) {
      run.push(literal(lines[index].text));
      index += 1;
      y += LINE;
    }
    if (run.length === 0) continue;
    // As pdfkit's own text(): y flipped to the page's native coordinates, at the font's ascender below the line's top.
    const baseline = doc.page.height - runTop - (font.ascender / 1000) * FONT_SIZE;
    doc.addContent(`q 1 0 0 -1 0 ${doc.page.height} cm BT /${font.id} ${FONT_SIZE} Tf ${LINE} TL 1 0 0 1 ${MARGIN} ${baseline.toFixed(2)} Tm`);
    doc.addContent(run.join(' Tj T* ') + ' Tj');
    doc.addContent('ET Q');
  }
}

const requireHere = createRequire(__filename);
let pdfkitLoaded: typeof PDFKitDocument | undefined;

/**
 * pdfkit and its font stack (about 270 modules, 0.2 s) are loaded with the first statement, not
 * at every start of every process that could render one (docs/benchmarks.md, "Start and
 * idle memory: the empty cluster made by the build").
 */
function pdfkit(): typeof PDFKitDocument {
  return (pdfkitLoaded ??= requireHere('pdfkit') as typeof PDFKitDocument);
}
