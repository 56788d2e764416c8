import { STATUS_CODES } from 'node:http';
import type { FieldProblem } from '../validation';

/**
 * An error answer as RFC 9457 problem details, the one error shape of every endpoint.
 * `rule` (the business rule or edge check that refused) and `problems` (every invalid
 * field with its reason) are extensions; a refusal may add its own details beside them.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  rule?: string;
  problems?: FieldProblem[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The problem type of a rule: a URN the rule's name makes unique, so clients branch on
 * `type` (or `rule`) rather than on the wording of `detail`. Answers without a rule are
 * plain HTTP problems (`about:blank`, titled by the status), as RFC 9457 §4.2.1 says.
 */
export function problemType(rule: string | undefined): string {
  return rule ? `urn:collections:problem:${rule}` : 'about:blank';
}

export function problem(status: number, detail: string, extensions: { rule?: string; problems?: FieldProblem[]; [key: string]: unknown } = {}): ProblemDetails {
  const { rule, problems, ...rest } = extensions;
  return {
    ...rest,
    type: problemType(rule),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...(rule ? { rule } : {}),
    ...(problems ? { problems } : {}),
  };
}

/** An answer decided already (a stored idempotent answer, a problem): the filter sends it as it is. */
export class AnswerException extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`answer ${status}`);
    this.name = 'AnswerException';
  }
}
