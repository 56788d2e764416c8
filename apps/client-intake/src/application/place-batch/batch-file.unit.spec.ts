import { HttpException } from '@nestjs/common';
import { BatchRow, MAX_ROW_BYTES, openBatchFile, splitCsv } from './batch-file';

const HEADER = 'clientReference,commercial,debtorKind,debtorLegalName,debtorCountry,invoiceNumber,issueDate,dueDate,originalAmount,currency';

/** The file as a stream cut into chunks of `size` bytes, as a network delivers it. */
async function* chunked(content: string | Buffer, size: number): AsyncIterable<Uint8Array> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function rowsOf(content: string | Buffer, contentType = 'text/csv', size = 7, maxRows?: number): Promise<BatchRow[]> {
  const file = await openBatchFile(chunked(content, size), contentType, maxRows);
  const rows: BatchRow[] = [];
  for await (const row of file.rows) rows.push(row);
  return rows;
}

async function refusal(work: Promise<unknown>): Promise<{ status: number; body: { rule?: string; problems?: unknown } }> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof HttpException)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { status: error.getStatus(), body: error.getResponse() as { rule?: string; problems?: unknown } };
}

describe('splitCsv', () => {
  it('reads quoted cells with commas, doubled quotes and newlines, and empty cells', () => {
    expect(splitCsv('a,"b, c","say ""hi""",,"line\nbreak",')).toEqual({ cells: ['a', 'b, c', 'say "hi"', '', 'line\nbreak', ''] });
  });

  it('names a malformed quote rather than guessing', () => {
    expect(splitCsv('a,b"c')).toEqual({ problem: 'cell 2 holds a quote but is not quoted' });
    expect(splitCsv('"a"b,c')).toEqual({ problem: 'text after the closing quote of cell 1' });
    expect(splitCsv('"abc')).toEqual({ problem: 'a quoted cell is not closed' });
  });
});

describe('openBatchFile: CSV', () => {
  it('maps each row to a placement of one invoice, whatever the chunk boundaries, CRLF and a BOM included', async () => {
    const file = `\uFEFF${HEADER}\r\nR-1,true,company,"Smith, ""Jones""\nLtd",US,INV-1,2026-01-01,2026-01-31,12500,USD\r\n\r\nR-2,false,person,Zoë Ångström,SE,INV-2,2026-01-01,2026-01-31,abc,SEK\r\n`;
    for (const size of [1, 3, 64, 4096]) {
      const rows = await rowsOf(file, 'text/csv; charset=utf-8', size);
      expect(rows).toEqual([
        {
          row: 1,
          placement: {
            clientReference: 'R-1',
            commercial: true,
            debtor: { kind: 'company', legalName: 'Smith, "Jones"\nLtd', country: 'US' },
            invoices: [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 12500, currency: 'USD' }],
          },
        },
        {
          row: 2,
          placement: {
            clientReference: 'R-2',
            commercial: false,
            debtor: { kind: 'person', legalName: 'Zoë Ångström', country: 'SE' },
            // Not a whole number: left as written for the placement's own check to name.
            invoices: [{ number: 'INV-2', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 'abc', currency: 'SEK' }],
          },
        },
      ]);
    }
  });

  it('lists a bad row with its problem and goes on with the next', async () => {
    const invalidUtf8 = Buffer.concat([Buffer.from(`${HEADER}\nR-1,true,company,`), Buffer.from([0xc3, 0x28]), Buffer.from(',US,I,2026-01-01,2026-01-31,1,USD\nR-2,true\n"R-3,unclosed\n')]);
    const rows = await rowsOf(invalidUtf8);
    expect(rows).toEqual([
      { row: 1, problems: [{ field: 'row', reason: 'the row is not valid UTF-8' }] },
      { row: 2, problems: [{ field: 'row', reason: 'the row has 2 cells, the header 10' }] },
      { row: 3, problems: [{ field: 'row', reason: 'a quoted cell is not closed before the end of the file' }] },
    ]);
  });

  it('refuses a row longer than the limit without keeping it, and reads the next', async () => {
    const long = 'x'.repeat(MAX_ROW_BYTES + 10);
    const rows = await rowsOf(`${HEADER}\n${long}\nR-2,true,company,A,US,I,2026-01-01,2026-01-31,1,USD\n`, 'text/csv', 65536);
    expect(rows[0]).toEqual({ row: 1, problems: [{ field: 'row', reason: `the row is longer than ${MAX_ROW_BYTES} bytes` }] });
    expect(rows[1]).toMatchObject({ row: 2, placement: { clientReference: 'R-2' } });
  });

  it('refuses a header with unknown, duplicate or missing columns, every problem at once', async () => {
    const { status, body } = await refusal(openBatchFile(chunked('clientReference,colour,colour\n', 5), 'text/csv'));
    expect(status).toBe(400);
    const reasons = (body.problems as Array<{ reason: string }>).map((problem) => problem.reason);
    expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^unknown column "colour"/), 'column "colour" appears twice', 'column "currency" is missing', 'column "commercial" is missing']));
    expect((await refusal(openBatchFile(chunked('', 5), 'text/csv'))).status).toBe(400);
  });

  it('stops with 413 at the first row past the limit', async () => {
    const line = 'R,true,company,A,US,I,2026-01-01,2026-01-31,1,USD\n';
    expect(await rowsOf(`${HEADER}\n${line.repeat(3)}`, 'text/csv', 16, 3)).toHaveLength(3);
    const { status, body } = await refusal(rowsOf(`${HEADER}\n${line.repeat(4)}`, 'text/csv', 16, 3));
    expect(status).toBe(413);
    expect(body.rule).toBe('batch-too-large');
  });
});

describe('openBatchFile: NDJSON and media types', () => {
  it('reads one placement object per line, skips blank lines and names lines that are not objects', async () => {
    const rows = await rowsOf('{"clientReference":"N-1","note":"a\\nb"}\n\n  \nnull\n{"broken":\n', 'application/x-ndjson', 4);
    expect(rows).toEqual([
      { row: 1, placement: { clientReference: 'N-1', note: 'a\nb' } },
      { row: 2, problems: [{ field: 'row', reason: 'each line must be one JSON object (a placement)' }] },
      { row: 3, problems: [{ field: 'row', reason: 'the line is not valid JSON' }] },
    ]);
  });

  it('refuses other media types and charsets with 415', async () => {
    for (const type of ['application/json', 'text/plain', undefined, 'text/csv; charset=windows-1252']) {
      const { status, body } = await refusal(openBatchFile(chunked(HEADER, 5), type));
      expect(status).toBe(415);
      expect(body.rule).toBe('unsupported-media-type');
    }
  });
});
