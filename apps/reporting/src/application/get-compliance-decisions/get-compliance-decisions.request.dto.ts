import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsRFC3339, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Decision, DECISIONS } from '../../read-models/compliance-decisions.projection';

export const MAX_DECISIONS_PER_PAGE = 500;
const CURSOR_PATTERN = '^[A-Za-z0-9_-]{1,700}$';

/** Which decisions: every filter optional, all of them ANDed. */
export class ComplianceDecisionFilterRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100, example: 'call-window', description: 'The rule, e.g. `call-window`, `do-not-contact`, `balance-at-least-5000`' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  rule?: string;

  @ApiPropertyOptional({ enum: DECISIONS })
  @IsOptional() @IsIn(DECISIONS)
  decision?: Decision;

  @ApiPropertyOptional({ minLength: 1, maxLength: 128, description: 'The id of the principal whose action was judged (a collector, the system...)' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(128)
  actor?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Decisions recorded at or after this instant' })
  @IsOptional() @IsRFC3339()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Decisions recorded before this instant' })
  @IsOptional() @IsRFC3339()
  to?: string;
}

/** A page of the ledger: the filters, where to start and how many. */
export class GetComplianceDecisionsRequest extends ComplianceDecisionFilterRequest {
  @ApiPropertyOptional({ pattern: CURSOR_PATTERN, description: 'The `nextCursor` of the page before' })
  @IsOptional() @Matches(new RegExp(CURSOR_PATTERN))
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_DECISIONS_PER_PAGE, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_DECISIONS_PER_PAGE)
  limit?: number;
}
