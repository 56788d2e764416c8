/**
 * The text lines of a PDF this service rendered (pdfkit, standard fonts, uncompressed):
 * each `[<hex> kerning <hex> ...] TJ` run joined and decoded. For tests and checks of our
 * own letters, not a general PDF reader.
 */
export function textLinesOfLetter(pdf: Buffer): string[] {
  const content = pdf.toString('latin1');
  return [...content.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)].map((run) =>
    [...run[1].matchAll(/<([0-9a-f]*)>/g)].map((hex) => Buffer.from(hex[1], 'hex').toString('latin1')).join(''),
  );
}
