import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export const MILESTONE_KINDS = ['acknowledged', 'suit-filed', 'served', 'answer-or-default', 'judgment', 'enforcement', 'collected', 'closed', 'recalled'] as const;
export const DEBTOR_RESPONSES = ['answered', 'defaulted'] as const;
export const ENFORCEMENT_METHODS = ['garnishment', 'bank-levy', 'lien'] as const;
export const LEGAL_OUTCOMES = ['paid-in-full', 'settled', 'judgment-uncollectible', 'dismissed', 'withdrawn'] as const;

/** The fields each milestone takes; any other field sent with it is refused. */
export const MILESTONE_FIELDS: Record<(typeof MILESTONE_KINDS)[number], readonly string[]> = {
  acknowledged: [],
  'suit-filed': ['court', 'caseNumber', 'courtCosts'],
  served: [],
  'answer-or-default': ['response'],
  judgment: ['amount', 'interest', 'costs'],
  enforcement: ['method'],
  collected: ['amount'],
  closed: ['outcome'],
  recalled: ['reason'],
};

const is =
  (...kinds: string[]) =>
  (request: RecordLegalMilestoneRequest) =>
    kinds.includes(request.milestone);

/**
 * One milestone of the receiving attorney. Each kind takes its own fields (MILESTONE_FIELDS):
 * `suit-filed` court, caseNumber and courtCosts (optional), `answer-or-default` response, `judgment` amount, interest
 * and costs, `enforcement` method, `collected` amount, `closed` outcome, `recalled` reason.
 */
export class RecordLegalMilestoneRequest {
  @ApiProperty({ enum: MILESTONE_KINDS, example: 'suit-filed' }) @IsIn([...MILESTONE_KINDS]) milestone!: (typeof MILESTONE_KINDS)[number];

  @ApiPropertyOptional({ description: 'suit-filed: the court', example: 'NY Supreme Court, New York County', minLength: 1, maxLength: 200 })
  @ValidateIf(is('suit-filed'))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  court?: string;

  @ApiPropertyOptional({ description: "suit-filed: the court's case (index) number", example: '651234/2026', minLength: 1, maxLength: 100 })
  @ValidateIf(is('suit-filed'))
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  caseNumber?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'suit-filed: the court costs of filing and serving the suit (filing fee, service of process), minor units; requested from the client as a court-costs advance. Absent: 0', minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
  @ValidateIf((request: RecordLegalMilestoneRequest) => request.milestone === 'suit-filed' && request.courtCosts !== undefined)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  courtCosts?: number;

  @ApiPropertyOptional({ enum: DEBTOR_RESPONSES, description: 'answer-or-default: whether the debtor answered the complaint or defaulted' })
  @ValidateIf(is('answer-or-default'))
  @IsIn([...DEBTOR_RESPONSES])
  response?: (typeof DEBTOR_RESPONSES)[number];

  @ApiPropertyOptional({ type: 'integer', description: 'judgment: the amount awarded; collected: what the attorney collected. Minor units of the account currency', minimum: 1, maximum: Number.MAX_SAFE_INTEGER })
  @ValidateIf(is('judgment', 'collected'))
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amount?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'judgment: interest awarded, minor units', minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
  @ValidateIf(is('judgment'))
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  interest?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'judgment: court costs awarded, minor units', minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
  @ValidateIf(is('judgment'))
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  costs?: number;

  @ApiPropertyOptional({ enum: ENFORCEMENT_METHODS, description: 'enforcement: how the judgment is enforced' })
  @ValidateIf(is('enforcement'))
  @IsIn([...ENFORCEMENT_METHODS])
  method?: (typeof ENFORCEMENT_METHODS)[number];

  @ApiPropertyOptional({ enum: LEGAL_OUTCOMES, description: 'closed: how the attorney closed the file' })
  @ValidateIf(is('closed'))
  @IsIn([...LEGAL_OUTCOMES])
  outcome?: (typeof LEGAL_OUTCOMES)[number];

  @ApiPropertyOptional({ description: 'recalled: why the agency takes the case back', minLength: 1, maxLength: 500 })
  @ValidateIf(is('recalled'))
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;
}
