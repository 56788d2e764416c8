import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from './history-export';

/** The query of both history exports: which form (NDJSON unless asked otherwise). */
export class ExportHistoryRequest {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'ndjson', description: 'NDJSON (one JSON record a line) or CSV (the same records, one a row)' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
