import PDFDocument from 'pdfkit';
import type { RenderedText } from '../../domain/communications/templates';

/**
 * A letter as PDF bytes, the same bytes every time for the same text and date: the
 * document's dates are the letter's, the fonts are PDF's standard ones (nothing embedded)
 * and the content is not compressed (the text stays searchable, a few kilobytes a letter).
 * Letters are not stored: they are rendered again from their `MessageQueued` event, and
 * the hash recorded in `MessageSent` proves the bytes are those sent (docs/debtor-contact.md).
 * Changing this layout changes every letter's bytes: it needs new template versions.
 */
export function renderLetterPdf(text: RenderedText, letterDate: string): Promise<Buffer> {
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
