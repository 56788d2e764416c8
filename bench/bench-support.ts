/**
 * What every benchmark under bench/ needs besides its own workload: settings from the
 * environment, the local servers' addresses, and the figures it prints.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';

/** The value at percentile `p` (0-100) of samples sorted ascending; NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** An integer setting from 1 to `max`; anything else stops the benchmark with its name. */
export function intFromEnv(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new RangeError(`${name} must be an integer from 1 to ${max}; got ${raw}`);
  return value;
}

/** The same file jest reads (test/support/load-infra-env.ts), so `npm run infra:up` is enough. */
export function readInfraEnv(name: string): string | undefined {
  const file = join(process.cwd(), '.infra', 'env');
  if (!existsSync(file)) return undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match && match[1] === name) return match[2].replace(/^['"]|['"]$/g, '');
  }
  return undefined;
}

/** The line prefix `bench/issue-8-table.ts` looks for in a benchmark's output. */
export const FIGURE_PREFIX = '#figure ';

/**
 * Prints one headline figure in a form the summary table (bench/issue-8-table.ts) reads
 * back: `#figure <key> <value>`. The benchmark's own human-readable output stays as it is.
 */
export function reportFigure(key: string, value: number): void {
  if (!/^[a-z0-9-]+$/.test(key)) throw new RangeError(`figure key must be lowercase words joined by '-', got ${key}`);
  process.stdout.write(`${FIGURE_PREFIX}${key} ${Number.isFinite(value) ? Number(value.toPrecision(4)) : 'NaN'}\n`);
}

/** A TCP port free on 127.0.0.1 now, for a process the bench starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The last 200 chunks a started process wrote (stdout and stderr), to show when it fails. */
export function keepOutput(child: ChildProcess): string[] {
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return output;
}

/** The header of the placement files `placementCsv` writes (issue 9's bulk placement, docs/client-intake.md). */
export const PLACEMENT_CSV_HEADER = 'clientReference,commercial,debtorKind,debtorLegalName,debtorCountry,invoiceNumber,issueDate,dueDate,originalAmount,currency';

/**
 * A CSV file of `rows` placements generated row by row as a stream, as a client would read
 * it from disk; references are `<prefix>-<n>` from `first + 1` on, so successive files of
 * one run place distinct accounts.
 */
export function placementCsv(rows: number, first = 0, prefix = 'BENCH'): ReadableStream<Uint8Array> {
  let next = first;
  const end = first + rows;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next === first) controller.enqueue(encoder.encode(`${PLACEMENT_CSV_HEADER}\n`));
      const lines: string[] = [];
      for (; next < end && lines.length < 1_000; next++) lines.push(`${prefix}-${next + 1},true,company,Bench Debtor ${next + 1},US,INV-${next + 1},2025-10-16,2025-11-15,${10_000 + next},USD\n`);
      if (lines.length > 0) controller.enqueue(encoder.encode(lines.join('')));
      if (next >= end) controller.close();
    },
  });
}
