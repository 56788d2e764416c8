import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

export class FieldProblemBody {
  @ApiProperty({ description: 'Dotted path to the field, e.g. `invoices.1.dueDate`, or the header name.' }) field!: string;
  @ApiProperty() reason!: string;
}

/** RFC 9457 problem details, as every error answer carries them. */
export class ProblemDetailsBody {
  @ApiProperty({ description: '`urn:collections:problem:<rule>` when a rule refused, else `about:blank`.', example: 'urn:collections:problem:client-reference-unique' })
  type!: string;
  @ApiProperty({ example: 'Conflict' }) title!: string;
  @ApiProperty({ example: 409 }) status!: number;
  @ApiProperty({ description: 'What happened, for a person.' }) detail!: string;
  @ApiPropertyOptional({ description: 'The rule that refused (a stable name to branch on).', example: 'client-reference-unique' }) rule?: string;
  @ApiPropertyOptional({ type: [FieldProblemBody], description: 'Every invalid field (400).' }) problems?: FieldProblemBody[];
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422;

/** What every endpoint may answer, whatever it does. */
const ANY_ENDPOINT: Partial<Record<ProblemStatus, string>> = {
  400: 'The request is invalid: every problem is listed in `problems` (field, reason).',
  401: 'No credentials, or credentials that are invalid or expired.',
  403: 'The caller\'s role may not call this endpoint.',
};

/** What every endpoint that takes a body may answer besides. */
const WITH_BODY: Partial<Record<ProblemStatus, string>> = {
  413: 'The body is larger than the limit (1 MB).',
  415: 'The body is not application/json.',
  422: 'The Idempotency-Key was first used for a different request (rule idempotency-key-reused).',
};

/**
 * Documents the problem answers of an endpoint, each with the problem-details body. The
 * statuses every endpoint can answer are added; `specific` adds or refines the others.
 */
export function ApiProblems(kind: 'command' | 'query', specific: Partial<Record<ProblemStatus, string>> = {}): MethodDecorator {
  const all: Partial<Record<ProblemStatus, string>> = { ...ANY_ENDPOINT, ...(kind === 'command' ? WITH_BODY : {}) };
  for (const [status, description] of Object.entries(specific) as Array<[string, string]>) {
    const key = Number(status) as ProblemStatus;
    all[key] = kind === 'command' && key === 422 ? `${description} Or: ${WITH_BODY[422]}` : description;
  }
  return applyDecorators(
    ApiExtraModels(ProblemDetailsBody),
    ...Object.entries(all).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsBody) } } } }),
    ),
  );
}
