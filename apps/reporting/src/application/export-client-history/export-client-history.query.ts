import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { ExportFormat, HistoryExport } from '../history-export/history-export';

export class ExportClientHistory extends Query<HistoryExport> {
  constructor(
    readonly clientId: string,
    readonly format: ExportFormat,
    readonly principal: Principal,
  ) {
    super();
  }
}
