import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BatchRefusalView {
  @ApiProperty() rule!: string;
  @ApiProperty() status!: number;
  @ApiProperty() reason!: string;
}

export class BatchStatusView {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: ['csv', 'ndjson'] }) format!: 'csv' | 'ndjson';
  @ApiProperty({ enum: ['receiving', 'processing', 'completed', 'refused'], description: 'receiving: the upload is still being stored (or was cut off); refused: the file was refused while read, nothing placed' })
  status!: 'receiving' | 'processing' | 'completed' | 'refused';
  @ApiProperty({ description: 'Rows stored' }) received!: number;
  @ApiProperty({ description: 'Rows placed by this batch' }) placed!: number;
  @ApiProperty({ description: 'Rows whose client reference was placed before: the result names its account id' }) alreadyPlaced!: number;
  @ApiProperty({ description: 'Rows refused, each with every problem in the results' }) refused!: number;
  @ApiProperty({ description: 'Rows not yet placed or refused' }) pending!: number;
  @ApiProperty({ description: 'Share of rows done, 0 to 1', minimum: 0, maximum: 1 }) progress!: number;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt!: string | null;
  @ApiPropertyOptional({ type: BatchRefusalView }) refusal?: BatchRefusalView;
}
