import { Controller, Get, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { BATCH_READERS } from '../get-batch/get-batch.http.controller';
import { GetBatchResults } from './get-batch-results.query';
import { RowResultView } from './row-result.view';

/** Every row of a batch, one JSON object per line, streamed as it is read. */
@Controller('placements/batches')
export class GetBatchResultsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':batchId/results')
  // Each line's schema, listed among the document's schemas for clients that type the lines.
  @ApiExtraModels(RowResultView)
  @QueryEndpoint({ roles: [...BATCH_READERS], tag: 'placements', uuidParams: ['batchId'], produces: 'application/x-ndjson', answer: String, description: `One ${RowResultView.name} per line: the account id of a placed row, every problem of a refused one, "pending" for a row not yet done.`, problems: { 404: 'No such batch, or another client\'s (rule batch-unknown).' } })
  async results(@UuidParam('batchId') batchId: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return ndjson(await this.queries.execute(new GetBatchResults(batchId, principal)));
  }
}

function ndjson(rows: AsyncIterable<object>): StreamableFile {
  async function* lines() {
    for await (const row of rows) yield `${JSON.stringify(row)}\n`;
  }
  return new StreamableFile(Readable.from(lines()), { type: 'application/x-ndjson; charset=utf-8' });
}
