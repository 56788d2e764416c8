import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

export class AssignAccountRequest {
  @ApiProperty({ type: 'string', nullable: true, maxLength: 128, pattern: '^\\S+$', description: "The collector's principal id; null returns the account to the unassigned pool", example: 'collector-7' })
  @ValidateIf((_request, value) => value !== null)
  @IsString()
  @MaxLength(128)
  @Matches(/^\S+$/, { message: 'collectorId must be a principal id without spaces, or null' })
  collectorId!: string | null;
}

export class AssignmentAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: 'string', nullable: true }) collectorId!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Who had it before this assignment; on a repeat of the same assignment, who had it before that one' }) previousCollectorId!: string | null;
  @ApiProperty() assignedBy!: string;
  @ApiProperty({ format: 'date-time' }) assignedAt!: string;
}
