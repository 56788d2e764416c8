import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
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
  const doc = new (pdfkit())({
    size: 'LETTER',
    margin: 72,
    compress: false,
    // No default font: the letter's first font (Helvetica, as pdfkit's default would be) comes from the cache below.
    font: null as unknown as string,
    info: { Title: text.subject, Producer: 'collections debtor-contact', Creator: 'collections debtor-contact', CreationDate: date, ModDate: date },
  });
  withStandardFonts(doc, ['Helvetica', 'Helvetica-Bold']);
  doc.font('Helvetica');
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

/** What pdfkit keeps of a standard font per document (0.15): its parsed metrics under `font`. */
interface StandardFontLike {
  document: PDFKit.PDFDocument;
  name: string;
  id: string;
  font: object;
}

/** pdfkit's per-document font registry (0.15), where `doc.font(name)` looks first. */
interface FontRegistry {
  _fontFamilies?: Record<string, StandardFontLike>;
  _fontCount?: number;
}

/** Parsed metrics of each standard font, shared by every letter (they are read-only once parsed). */
const parsedStandardFonts = new Map<string, StandardFontLike>();

/**
 * pdfkit reads and parses a standard font's metrics file (AFM) for every document that
 * uses it: two fonts per letter were a quarter of a letter's rendering time. This hands
 * `doc` each font as pdfkit would make it (same id order, so the same bytes), with the
 * metrics parsed once per process. A pdfkit whose internals differ is left to load them itself.
 */
function withStandardFonts(doc: PDFKit.PDFDocument, names: readonly string[]): void {
  const registry = doc as unknown as FontRegistry;
  if (!registry._fontFamilies || typeof registry._fontCount !== 'number') return;
  for (const name of names) {
    const id = `F${registry._fontCount + 1}`;
    let parsed = parsedStandardFonts.get(name);
    if (!parsed) {
      doc.font(name);
      parsed = registry._fontFamilies[name];
      if (!parsed || parsed.id !== id || typeof parsed.font !== 'object') return;
      parsedStandardFonts.set(name, parsed);
      continue;
    }
    // A font object of this document (its own id, reference and embedded flag), sharing the parsed metrics.
    const font: StandardFontLike = Object.assign(Object.create(Object.getPrototypeOf(parsed) as object) as StandardFontLike, parsed, { document: doc, id });
    delete (font as Partial<{ dictionary: unknown; embedded: unknown }>).dictionary;
    delete (font as Partial<{ dictionary: unknown; embedded: unknown }>).embedded;
    registry._fontCount += 1;
    registry._fontFamilies[name] = font;
  }
}

const requireHere = createRequire(__filename);
let pdfkitLoaded: typeof PDFKitDocument | undefined;

/**
 * pdfkit and its font stack (about 270 modules, 0.2 s) are loaded with the first letter, not
 * at every start of every process that could render one (docs/benchmarks.md, "Start and
 * idle memory: the empty cluster made by the build").
 */
function pdfkit(): typeof PDFKitDocument {
  return (pdfkitLoaded ??= requireHere('pdfkit') as typeof PDFKitDocument);
}
