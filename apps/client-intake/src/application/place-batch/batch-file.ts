import { HttpException } from '@nestjs/common';
import { FieldProblem, invalidRequest } from '@lib/platform';

/** The most rows one batch file may hold (docs/client-intake.md, "Bulk placement"). */
export const MAX_BATCH_ROWS = 100_000;
/** The longest row read; a longer one is refused as a row (its bytes are skipped, never kept). */
export const MAX_ROW_BYTES = 256 * 1024;

export type BatchFormat = 'csv' | 'ndjson';

/** One row of a file: the placement it asks for (as `POST /placements` takes it), or why it could not be read. */
export type BatchRow = { row: number; placement: unknown } | { row: number; problems: FieldProblem[] };

/** The CSV columns: one placement of one invoice per row (many invoices per account: NDJSON). */
export const CSV_COLUMNS = {
  clientReference: 'clientReference',
  commercial: 'commercial',
  debtorKind: 'debtor.kind',
  debtorLegalName: 'debtor.legalName',
  debtorCountry: 'debtor.country',
  debtorRegion: 'debtor.region',
  debtorTaxId: 'debtor.taxId',
  debtorEmail: 'debtor.email',
  debtorPhone: 'debtor.phone',
  invoiceNumber: 'invoices.0.number',
  issueDate: 'invoices.0.issueDate',
  dueDate: 'invoices.0.dueDate',
  originalAmount: 'invoices.0.originalAmount',
  currency: 'invoices.0.currency',
} as const;
type CsvColumn = keyof typeof CSV_COLUMNS;
const OPTIONAL_COLUMNS: ReadonlySet<CsvColumn> = new Set(['debtorRegion', 'debtorTaxId', 'debtorEmail', 'debtorPhone']);

/** The field of a placement problem as a CSV writer knows it: its column (`invoices.0.currency` → `currency`). */
export function csvFieldOf(field: string): string {
  const column = (Object.keys(CSV_COLUMNS) as CsvColumn[]).find((name) => CSV_COLUMNS[name] === field);
  return column ?? field;
}

export interface BatchFile {
  format: BatchFormat;
  rows: AsyncIterable<BatchRow>;
}

/**
 * Opens an uploaded file as rows, reading the stream as it comes: a record at a time is
 * held, never the file. The media type picks the format; a charset other than UTF-8 is
 * 415. A CSV header that names unknown, duplicate or too few columns is one 400 listing
 * every problem, before any row is read. Past `maxRows` rows the iteration throws 413.
 */
export async function openBatchFile(source: AsyncIterable<Uint8Array | string>, contentType: string | undefined, maxRows = MAX_BATCH_ROWS): Promise<BatchFile> {
  const { mediaType, charset } = parseContentType(contentType);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw unsupported(`the file must be UTF-8 (got charset=${charset})`);
  }
  if (mediaType === 'text/csv') return { format: 'csv', rows: limited(await csvRows(records(source, true)), maxRows) };
  if (mediaType === 'application/x-ndjson') return { format: 'ndjson', rows: limited(ndjsonRows(records(source, false)), maxRows) };
  throw unsupported(`send the file as text/csv or application/x-ndjson (got ${contentType ?? 'no content type'})`);
}

function unsupported(message: string): HttpException {
  return new HttpException({ message, rule: 'unsupported-media-type' }, 415);
}

/** Thrown while reading when a file holds more rows than allowed. */
export function batchTooLarge(maxRows: number): HttpException {
  return new HttpException({ message: `the file holds more than ${maxRows} rows; split it into batches of at most ${maxRows}`, rule: 'batch-too-large' }, 413);
}

function parseContentType(contentType: string | undefined): { mediaType?: string; charset?: string } {
  if (!contentType) return {};
  const [type, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/^"|"$/g, '');
  return { mediaType: type, charset };
}

async function* limited(rows: AsyncIterable<BatchRow>, maxRows: number): AsyncIterable<BatchRow> {
  for await (const row of rows) {
    if (row.row > maxRows) throw batchTooLarge(maxRows);
    yield row;
  }
}

/** One record's bytes (a line; in CSV a quoted field may span lines), or why it is not kept. */
interface RawRecord {
  bytes?: Buffer;
  oversized?: boolean;
  unterminatedQuote?: boolean;
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;

/**
 * Splits a byte stream into records on newlines outside double quotes. Works on bytes: a
 * newline or a quote is never part of a UTF-8 multi-byte sequence, so a character split
 * across two chunks is joined before it is decoded. Blank lines are skipped.
 */
async function* records(source: AsyncIterable<Uint8Array | string>, quotesSpanLines: boolean): AsyncIterable<RawRecord> {
  let parts: Buffer[] = [];
  let size = 0;
  let oversized = false;
  let inQuotes = false;
  const keep = (piece: Buffer) => {
    if (oversized) return;
    if (size + piece.length > MAX_ROW_BYTES) {
      oversized = true;
      parts = [];
      return;
    }
    parts.push(piece);
    size += piece.length;
  };
  const take = (): RawRecord | undefined => {
    const record: RawRecord | undefined = oversized ? { oversized: true } : trimmed(Buffer.concat(parts, size));
    parts = [];
    size = 0;
    oversized = false;
    return record;
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (byte === QUOTE && quotesSpanLines) inQuotes = !inQuotes;
      else if (byte === NEWLINE && !inQuotes) {
        keep(bytes.subarray(start, i));
        start = i + 1;
        const record = take();
        if (record) yield record;
      }
    }
    // Copied: the chunk's buffer may be reused by the stream once this loop moves on.
    if (start < bytes.length) keep(Buffer.from(bytes.subarray(start)));
  }
  const last = take();
  if (last) yield inQuotes ? { ...last, unterminatedQuote: true } : last;
}

/** The record without its line ending; undefined for a blank line. */
function trimmed(bytes: Buffer): RawRecord | undefined {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  const content = bytes.subarray(0, end);
  return content.length === 0 ? undefined : { bytes: content };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The record as text, or the row problem that stops it being read. */
function decoded(record: RawRecord): { text: string } | { problem: FieldProblem } {
  if (record.oversized) return { problem: { field: 'row', reason: `the row is longer than ${MAX_ROW_BYTES} bytes` } };
  try {
    // A byte order mark may open the file; TextDecoder drops it there (ignoreBOM: false).
    return { text: utf8.decode(record.bytes!) };
  } catch {
    return { problem: { field: 'row', reason: 'the row is not valid UTF-8' } };
  }
}

async function* ndjsonRows(source: AsyncIterable<RawRecord>): AsyncIterable<BatchRow> {
  let row = 0;
  for await (const record of source) {
    row += 1;
    const text = decoded(record);
    if ('problem' in text) {
      yield { row, problems: [text.problem] };
      continue;
    }
    if (text.text.trim() === '') {
      row -= 1;
      continue;
    }
    try {
      const placement: unknown = JSON.parse(text.text);
      if (placement === null || typeof placement !== 'object' || Array.isArray(placement)) yield { row, problems: [{ field: 'row', reason: 'each line must be one JSON object (a placement)' }] };
      else yield { row, placement };
    } catch {
      yield { row, problems: [{ field: 'row', reason: 'the line is not valid JSON' }] };
    }
  }
}

async function csvRows(source: AsyncIterable<RawRecord>): Promise<AsyncIterable<BatchRow>> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw invalidRequest([{ field: 'header', reason: 'the file is empty: the first line must name the columns' }]);
  const columns = headerOf(first.value);
  async function* rows(): AsyncIterable<BatchRow> {
    let row = 0;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      row += 1;
      yield csvRow(row, next.value, columns);
    }
  }
  return rows();
}

function headerOf(record: RawRecord): CsvColumn[] {
  const text = decoded(record);
  if ('problem' in text) throw invalidRequest([{ field: 'header', reason: text.problem.reason }]);
  const cells = splitCsv(text.text);
  if ('problem' in cells) throw invalidRequest([{ field: 'header', reason: cells.problem }]);
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const name of cells.cells) {
    if (seen.has(name)) problems.push({ field: 'header', reason: `column "${name}" appears twice` });
    else if (!Object.hasOwn(CSV_COLUMNS, name)) problems.push({ field: 'header', reason: `unknown column "${name}"; the columns are ${Object.keys(CSV_COLUMNS).join(', ')}` });
    seen.add(name);
  }
  for (const name of Object.keys(CSV_COLUMNS) as CsvColumn[]) {
    if (!OPTIONAL_COLUMNS.has(name) && !seen.has(name)) problems.push({ field: 'header', reason: `column "${name}" is missing` });
  }
  if (problems.length > 0) throw invalidRequest(problems);
  return cells.cells as CsvColumn[];
}

function csvRow(row: number, record: RawRecord, columns: CsvColumn[]): BatchRow {
  if (record.unterminatedQuote) return { row, problems: [{ field: 'row', reason: 'a quoted cell is not closed before the end of the file' }] };
  const text = decoded(record);
  if ('problem' in text) return { row, problems: [text.problem] };
  const cells = splitCsv(text.text);
  if ('problem' in cells) return { row, problems: [{ field: 'row', reason: cells.problem }] };
  if (cells.cells.length !== columns.length) return { row, problems: [{ field: 'row', reason: `the row has ${cells.cells.length} cells, the header ${columns.length}` }] };
  const value = (name: CsvColumn): string | undefined => {
    const index = columns.indexOf(name);
    return index < 0 || cells.cells[index] === '' ? undefined : cells.cells[index];
  };
  const commercial = value('commercial');
  const amount = value('originalAmount');
  const placement = {
    clientReference: value('clientReference'),
    // Left as written when it is not a boolean or a whole number, so the placement's own check names it.
    commercial: commercial === 'true' ? true : commercial === 'false' ? false : commercial,
    debtor: withoutUndefined({
      kind: value('debtorKind'),
      legalName: value('debtorLegalName'),
      country: value('debtorCountry'),
      region: value('debtorRegion'),
      taxId: value('debtorTaxId'),
      email: value('debtorEmail'),
      phone: value('debtorPhone'),
    }),
    invoices: [
      withoutUndefined({
        number: value('invoiceNumber'),
        issueDate: value('issueDate'),
        dueDate: value('dueDate'),
        originalAmount: amount !== undefined && /^\d{1,16}$/.test(amount) ? Number(amount) : amount,
        currency: value('currency'),
      }),
    ],
  };
  return { row, placement: withoutUndefined(placement) };
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * One CSV record's cells (RFC 4180): commas separate, a cell in double quotes may hold
 * commas, newlines and `""` for a quote. A quote inside an unquoted cell, or text after a
 * closing quote, is a problem rather than a guess.
 */
export function splitCsv(line: string): { cells: string[] } | { problem: string } {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let cell = '';
      i += 1;
      for (;;) {
        if (i >= line.length) return { problem: 'a quoted cell is not closed' };
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        cell += line[i];
        i += 1;
      }
      if (i < line.length && line[i] !== ',') return { problem: `text after the closing quote of cell ${cells.length + 1}` };
      cells.push(cell);
    } else {
      const end = line.indexOf(',', i);
      const cell = end < 0 ? line.slice(i) : line.slice(i, end);
      if (cell.includes('"')) return { problem: `cell ${cells.length + 1} holds a quote but is not quoted` };
      cells.push(cell);
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return { cells };
    i += 1; // the comma
    if (i === line.length) {
      cells.push('');
      return { cells };
    }
  }
}
