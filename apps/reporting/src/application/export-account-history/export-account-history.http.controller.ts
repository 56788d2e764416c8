import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { ExportHistoryRequest } from '../history-export/export-history.request.dto';
import { ExportAnswer, streamedExport } from '../history-export/streamed-export';
import { ExportAccountHistory } from './export-account-history.query';

/** An account's history as a signed, verifiable export, for regulators and for the client that placed it. */
@Controller('reports/accounts/:accountId/history')
export class ExportAccountHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get('export')
  @ExportAnswer()
  @QueryEndpoint({
    roles: ['compliance', 'client'],
    tag: 'audit',
    uuidParams: ['accountId'],
    problems: { 404: "Another client's account, or one no report knows of, asked by a client (rule account-unknown)." },
  })
  async export(@UuidParam('accountId') accountId: string, @Query() request: ExportHistoryRequest, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return streamedExport(await this.queries.execute(new ExportAccountHistory(accountId, request.format ?? 'ndjson', principal)));
  }
}
