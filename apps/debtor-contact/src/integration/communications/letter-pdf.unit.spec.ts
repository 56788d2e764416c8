import PDFDocument from 'pdfkit';
import type { RenderedText } from '../../domain/communications/templates';
import { renderLetterPdf } from './letter-pdf';

/** The letter as pdfkit makes it with no font cache: every font parsed for this document. */
function renderedByPlainPdfkit(text: RenderedText, letterDate: string): Promise<Buffer> {
  const date = new Date(`${letterDate}T00:00:00.000Z`);
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 72,
    compress: false,
    info: { Title: text.subject, Producer: 'collections debtor-contact', Creator: 'collections debtor-contact', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(14).text(text.subject);
  doc.moveDown();
  doc.font('Helvetica').fontSize(11);
  for (const line of text.lines) doc.text(line === '' ? ' ' : line);
  doc.end();
  return done;
}

describe('renderLetterPdf', () => {
  const letters: Array<[RenderedText, string]> = [
    [{ subject: 'Notice of debt', lines: ['Dear Pat Doe,', '', 'You owe USD 7,000.50 to Acme Supply Co. (reference NW-1).', 'Kind regards'] }, '2026-01-05'],
    [{ subject: 'Reminder – Å ß é', lines: ['Second letter, other widths: WWWW iiii', ''] }, '2026-02-10'],
  ];

  it('gives the bytes pdfkit gives without the shared font metrics, for the first letter and every later one', async () => {
    for (let round = 0; round < 3; round++) {
      for (const [text, date] of letters) {
        const expected = await renderedByPlainPdfkit(text, date);
        expect((await renderLetterPdf(text, date)).equals(expected)).toBe(true);
      }
    }
  });

  it('keeps each letter self-contained: both fonts declared in every document', async () => {
    const [text, date] = letters[0];
    await renderLetterPdf(text, date);
    const pdf = (await renderLetterPdf(text, date)).toString('latin1');
    expect(pdf).toContain('/BaseFont /Helvetica-Bold');
    expect(pdf).toContain('/BaseFont /Helvetica\n');
  });
});
