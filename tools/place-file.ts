/**
 * Places a file of accounts against a running system and writes what became of each row.
 *
 *   npm run place-file -- --url http://localhost:3000 --key <api key> accounts.csv [--out results.ndjson]
 *
 * The file (CSV or NDJSON, by its extension or --format) is streamed to
 * POST /placements/batches through the typed creditor client; a progress bar on stderr
 * follows the batch's status; then every row's result is written, one JSON object per
 * line, to --out (default: the file's name + .results.ndjson). The Idempotency-Key is the
 * file's SHA-256 unless --idempotency-key is given, so running the same file again meets
 * the same batch instead of placing anything twice.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { BatchStatus, creditorClient, CreditorApiError } from '@lib/creditor-client';

interface Options {
  url: string;
  key: string;
  file: string;
  out: string;
  format: 'csv' | 'ndjson';
  idempotencyKey?: string;
  pollMs: number;
}

const USAGE = 'usage: npm run place-file -- --url <base url> --key <api key> [--format csv|ndjson] [--out results.ndjson] [--idempotency-key k] [--poll-ms 500] <file>';

export function parseArguments(argv: readonly string[], env: Record<string, string | undefined> = process.env): Options {
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument.startsWith('--')) {
      const [name, inline] = argument.slice(2).split('=', 2);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value\n${USAGE}`);
      named.set(name, value);
    } else positional.push(argument);
  }
  const file = positional[0];
  const url = named.get('url') ?? env.COLLECTIONS_URL;
  const key = named.get('key') ?? env.COLLECTIONS_API_KEY;
  if (!file || !url || !key) throw new Error(USAGE);
  const format = (named.get('format') ?? (/\.(nd)?jsonl?$/i.test(file) ? 'ndjson' : 'csv')) as Options['format'];
  if (format !== 'csv' && format !== 'ndjson') throw new Error(`--format must be csv or ndjson\n${USAGE}`);
  const pollMs = Number(named.get('poll-ms') ?? 500);
  return { url, key, file, format, out: named.get('out') ?? `${file}.results.ndjson`, idempotencyKey: named.get('idempotency-key'), pollMs: Number.isFinite(pollMs) && pollMs > 0 ? pollMs : 500 };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function bar(status: BatchStatus, startedAt: number): string {
  const width = 30;
  const filled = Math.round(status.progress * width);
  const done = status.received - status.pending;
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = seconds > 0 ? Math.round(done / seconds) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(status.progress * 100).toFixed(1).padStart(5)}% ${done}/${status.received} rows: ${status.placed} placed, ${status.alreadyPlaced} already placed, ${status.refused} refused (${rate} rows/s)`;
}

export async function placeFile(options: Options, log: NodeJS.WritableStream = process.stderr): Promise<BatchStatus> {
  const client = creditorClient({ baseUrl: options.url, apiKey: options.key });
  const key = options.idempotencyKey ?? `file-sha256-${await sha256Of(options.file)}`;
  const startedAt = Date.now();
  const upload = Readable.toWeb(createReadStream(options.file)) as ReadableStream<Uint8Array>;
  const accepted = await client.placeBatch(upload, options.format, key);
  log.write(`batch ${accepted.batchId}: ${accepted.received} rows stored in ${Date.now() - startedAt} ms\n`);

  const interactive = (log as { isTTY?: boolean }).isTTY === true;
  let status = await client.batchStatus(accepted.batchId);
  let lastLine = 0;
  while (status.status === 'processing' || status.status === 'receiving') {
    if (interactive) log.write(`\r${bar(status, startedAt)}`);
    else if (Date.now() - lastLine > 2_000) {
      log.write(`${bar(status, startedAt)}\n`);
      lastLine = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    status = await client.batchStatus(accepted.batchId);
  }
  log.write(`${interactive ? '\r' : ''}${bar(status, startedAt)}\n`);
  if (status.status === 'refused') throw new Error(`the batch was refused: ${status.refusal?.reason ?? 'no reason given'}`);

  const out = createWriteStream(options.out);
  for await (const row of client.batchResults(accepted.batchId)) {
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  log.write(`results of ${status.received} rows written to ${options.out} (${((Date.now() - startedAt) / 1000).toFixed(1)} s in all)\n`);
  return status;
}

if (require.main === module) {
  Promise.resolve()
    .then(() => placeFile(parseArguments(process.argv.slice(2))))
    .then((status) => process.exit(status.refused > 0 ? 2 : 0))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof CreditorApiError ? `the API answered ${error.message}` : error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
