import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { HistoryExport } from './history-export';

/** The export as an HTTP answer, written while it is read (back-pressure included), as an attachment. */
export function streamedExport(historyExport: HistoryExport): StreamableFile {
  return new StreamableFile(Readable.from(historyExport.lines), {
    type: `${historyExport.contentType}; charset=utf-8`,
    disposition: `attachment; filename="${historyExport.filename}"`,
  });
}

/** How both export endpoints document their answer: either form, both text. */
export const EXPORT_ANSWER_DESCRIPTION =
  'The history as a verifiable export (docs/reporting.md, "Verifiable history exports"): a header line, one line per stored event with its hash-chain link, ' +
  "and a last line signing the running hash with the agency's Ed25519 key (public key at /.well-known/agency-signing-key). NDJSON, or CSV with `?format=csv`.";
