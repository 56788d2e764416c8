import { applyDecorators, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { EXPORT_CONTENT_TYPES, HistoryExport } from './history-export';

/** The export as an HTTP answer, written while it is read (back-pressure included), as an attachment. */
export function streamedExport(historyExport: HistoryExport): StreamableFile {
  return new StreamableFile(Readable.from(historyExport.lines), {
    type: `${historyExport.contentType}; charset=utf-8`,
    disposition: `attachment; filename="${historyExport.filename}"`,
  });
}

/** How both export endpoints document their answer: either form, both text. */
const EXPORT_ANSWER_DESCRIPTION =
  'The history as a verifiable export (docs/reporting.md, "Verifiable history exports"): a header line, one line per stored event with its hash-chain link, ' +
  "and a last line signing the running hash with the agency's Ed25519 key (public key at /.well-known/agency-signing-key). NDJSON, or CSV with `?format=csv`.";

/**
 * Documents the answer in both of its media types (the endpoint decorator knows only one).
 * Placed above `@QueryEndpoint`, so it is applied after it and its 200 stands.
 */
export const ExportAnswer = (): MethodDecorator =>
  applyDecorators(
    ApiProduces(...Object.values(EXPORT_CONTENT_TYPES)),
    ApiOkResponse({
      description: EXPORT_ANSWER_DESCRIPTION,
      content: Object.fromEntries(Object.values(EXPORT_CONTENT_TYPES).map((type) => [type, { schema: { type: 'string' } }])),
    }),
  );
