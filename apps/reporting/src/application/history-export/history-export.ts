import {
  canonicalJson,
  CSV_COLUMNS,
  csvFieldsOf,
  csvRow,
  EventRecord,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  ExportRecord,
  GENESIS_HASH,
  HeaderRecord,
  nextRunningHash,
  SignatureRecord,
} from '@lib/contracts/audit/history-export.format';
import type { AgencySigningKey } from './agency-signing-key';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = { ndjson: 'application/x-ndjson', csv: 'text/csv' };

/** An export about to be streamed: what it is called and its lines, produced as they are read. */
export interface HistoryExport {
  format: ExportFormat;
  contentType: string;
  filename: string;
  lines: AsyncIterable<string>;
}

/**
 * Writes an export line by line: the header, every event of every account as the accounts
 * come (one account's events at a time, never the whole export in memory), and the
 * signature of the running hash over them all.
 */
export function historyExport(
  format: ExportFormat,
  scope: HeaderRecord['scope'],
  subject: string,
  exportedAt: Date,
  accounts: AsyncIterable<readonly EventRecord[]>,
  key: AgencySigningKey,
): HistoryExport {
  const header: HeaderRecord = { record: 'header', format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, scope, subject, exportedAt: exportedAt.toISOString() };
  return {
    format,
    contentType: EXPORT_CONTENT_TYPES[format],
    filename: `${scope}-${subject}-history.${format}`,
    lines: exportLines(format, header, accounts, key),
  };
}

async function* exportLines(format: ExportFormat, header: HeaderRecord, accounts: AsyncIterable<readonly EventRecord[]>, key: AgencySigningKey): AsyncGenerator<string> {
  const write = (record: ExportRecord): string => (format === 'ndjson' ? `${canonicalJson(record)}\n` : csvRow(csvFieldsOf(record)));
  if (format === 'csv') yield csvRow(CSV_COLUMNS);
  let runningHash = nextRunningHash(GENESIS_HASH, header);
  let lines = 1;
  let events = 0;
  yield write(header);
  for await (const account of accounts) {
    let chunk = '';
    for (const event of account) {
      runningHash = nextRunningHash(runningHash, event);
      lines += 1;
      events += 1;
      chunk += write(event);
    }
    if (chunk) yield chunk;
  }
  const signature: SignatureRecord = { record: 'signature', algorithm: 'Ed25519', keyId: key.keyId, lines, events, finalHash: runningHash, signature: key.signFinalHash(runningHash) };
  yield write(signature);
}
