import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { ExportHistoryRequest } from '../history-export/export-history.request.dto';
import { ExportAnswer, streamedExport } from '../history-export/streamed-export';
import { ExportClientHistory } from './export-client-history.query';

/** Every account's history of one client as one signed, verifiable export. */
@Controller('reports/clients/:clientId/history')
export class ExportClientHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get('export')
  @ExportAnswer()
  @QueryEndpoint({
    roles: ['compliance', 'client'],
    tag: 'audit',
    uuidParams: ['clientId'],
    problems: { 404: 'Another client, or a client no report knows of asked by staff (rule client-unknown).' },
  })
  async export(@UuidParam('clientId') clientId: string, @Query() request: ExportHistoryRequest, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return streamedExport(await this.queries.execute(new ExportClientHistory(clientId, request.format ?? 'ndjson', principal)));
  }
}
