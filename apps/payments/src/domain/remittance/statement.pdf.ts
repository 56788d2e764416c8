import PDFDocument from 'pdfkit';
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
  const doc = new PDFDocument({
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
  const bottom = doc.page.height - MARGIN;
  let y = MARGIN;
  const write = (text: string, font = 'Courier') => {
    if (y + LINE > bottom) {
      doc.addPage();
      y = MARGIN;
    }
    doc.font(font).fontSize(FONT_SIZE).text(text, MARGIN, y, { lineBreak: false });
    y += LINE;
  };

  doc.font('Helvetica-Bold').fontSize(14).text(`Remittance statement no. ${s.statementNumber}`, MARGIN, y, { lineBreak: false });
  y += 22;
  write(`Remittance ${s.remittanceId}   Client ${s.clientId}   Currency ${s.currency}   Type ${s.remittanceType}   Agreement version ${s.agreementVersion ?? 'default'}`);
  write(`Period ${s.periodStart} to ${s.periodEnd}   Issued ${s.issuedAt}`);
  y += LINE;

  write(`Payments collected by the agency (${s.payments.length})`, 'Courier-Bold');
  write(`${pad('posted', 25)}${pad('payment', 37)}${pad('account', 37)}${pad('method', 9)}${padLeft('collected', 16)}${padLeft('commission', 16)}${padLeft('client share', 16)}`, 'Courier-Bold');
  for (const p of s.payments) write(`${pad(p.postedAt, 25)}${pad(p.paymentId, 37)}${pad(p.accountId, 37)}${pad(p.method, 9)}${money(p.collected)}${money(p.commission)}${money(p.clientShare)}`);
  y += LINE;

  write(`Payments reported direct by the client (${s.directPayments.length})`, 'Courier-Bold');
  write(`${pad('posted', 25)}${pad('payment', 37)}${pad('account', 37)}${pad('', 9)}${padLeft('collected', 16)}${padLeft('commission', 16)}`, 'Courier-Bold');
  for (const p of s.directPayments) write(`${pad(p.postedAt, 25)}${pad(p.paymentId, 37)}${pad(p.accountId, 37)}${pad('', 9)}${money(p.collected)}${money(p.commission)}`);
  y += LINE;

  write(`Claw-backs: payments reversed after remittance (${s.clawbacks.length})`, 'Courier-Bold');
  write(`${pad('reversed', 25)}${pad('payment', 37)}${pad('paid out by remittance', 37)}${pad('reason', 9)}${padLeft('collected', 16)}${padLeft('commission', 16)}${padLeft('owed back', 16)}`, 'Courier-Bold');
  for (const c of s.clawbacks) write(`${pad(c.reversedAt, 25)}${pad(c.paymentId, 37)}${pad(c.remittanceId, 37)}${pad(c.reason, 9)}${money(-c.collected)}${money(-c.commission)}${money(-c.clientShare)}`);
  y += LINE;

  write('Totals', 'Courier-Bold');
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
  for (const [label, value] of totals) write(`${pad(label, 40)}${money(value)}`);

  doc.end();
  return done;
}
