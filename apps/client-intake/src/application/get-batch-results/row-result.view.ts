import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldProblemBody } from '@lib/platform';

/** One line of a batch's results. */
export class RowResultView {
  @ApiProperty({ description: 'The row in the file: 1 is the first row after the CSV header, or the first line of NDJSON' }) row!: number;
  @ApiProperty({ enum: ['placed', 'already-placed', 'refused', 'pending'] }) outcome!: 'placed' | 'already-placed' | 'refused' | 'pending';
  @ApiPropertyOptional({ format: 'uuid', description: 'placed and already-placed: the account id' }) accountId?: string;
  @ApiPropertyOptional() clientReference?: string;
  @ApiPropertyOptional({ type: [FieldProblemBody], description: 'refused: every problem of the row (CSV: the field is the column)' }) problems?: FieldProblemBody[];
}
