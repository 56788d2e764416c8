import { applyDecorators, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { buildMessage, IsInt, Max, Min, validateSync, ValidateBy, ValidationOptions, ValidatorOptions } from 'class-validator';

export interface FieldProblem {
  field: string;
  reason: string;
}

/** Every problem of a request, with a dotted path to the field (`invoices.1.dueDate`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function invalidRequest(problems: FieldProblem[]): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'the request has invalid fields', problems });
}

/** Unknown fields are refused rather than dropped: a misspelt optional field would otherwise vanish silently. */
const VALIDATOR_OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false };

/** Validates every DTO fully (no stopping at the first error) and lists every problem. */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => invalidRequest(flattenValidationErrors(errors)),
  });
}

/**
 * The validation the global pipe does, without throwing: for an endpoint that must add
 * rules across fields (which need more than the DTO, e.g. the clock) to the same 400, so
 * one answer lists every problem. Such an endpoint takes its body as `unknown`, which the
 * global pipe leaves alone, and calls this.
 */
export function parseRequest<T extends object>(type: ClassConstructor<T>, body: unknown): { value: T; problems: FieldProblem[] } {
  // Anything but a JSON object is treated as an empty one, so every required field is named.
  const plain = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};
  const value = plainToInstance(type, plain);
  return { value, problems: flattenValidationErrors(validateSync(value, VALIDATOR_OPTIONS)) };
}

/** A parsed request with its invalid fields left out; array items keep their index. */
export type ValidParts<T> = T extends ReadonlyArray<infer Item> ? Array<ValidParts<Item> | undefined> : T extends object ? { [K in keyof T]?: ValidParts<T[K]> } : T;

/**
 * What of a request is usable for rules across fields: each field a problem names is left
 * out (with what is inside it), so such a rule neither runs on a value already refused nor
 * names the same problem twice.
 */
export function validPartsOf<T>(value: T, problems: readonly FieldProblem[]): ValidParts<T> {
  const refused = new Set(problems.map((problem) => problem.field));
  const keep = (part: unknown, path: string): unknown => {
    if (refused.has(path)) return undefined;
    const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
    if (Array.isArray(part)) return part.map((item, index) => keep(item, at(index)));
    if (part === null || typeof part !== 'object') return part;
    return Object.fromEntries(Object.entries(part).flatMap(([key, nested]) => (refused.has(at(key)) ? [] : [[key, keep(nested, at(key))]])));
  };
  return keep(value, '') as ValidParts<T>;
}

/** A date as `YYYY-MM-DD` that exists on the calendar (no `2026-02-30`, no time, no `20260101`). */
export function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return false;
  // Date.UTC rolls an impossible day over into the next month; a real date comes back unchanged.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * A calendar date written `YYYY-MM-DD`, the form the published contracts carry (`date`).
 * ISO-8601 validation alone also lets through instants and the basic form `20260101`.
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value): boolean => isCalendarDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a calendar date written YYYY-MM-DD`, options),
      },
    },
    options,
  );
}

/**
 * A positive amount of money in minor units. The maximum keeps it a safe integer: above
 * it JSON numbers lose cents, and the contracts (`int`) refuse it downstream.
 */
export function IsPositiveMinorUnits(): PropertyDecorator {
  return applyDecorators(IsInt(), Min(1), Max(Number.MAX_SAFE_INTEGER));
}
