/**
 * A small structural validator for integration events: each contract lists its fields
 * and their kinds, and a received message that does not match is refused with every
 * problem named (it then goes to the dead-letter topic instead of corrupting a consumer).
 */
export type FieldKind =
  | 'string'
  | 'int'
  | 'boolean'
  | 'instant'
  | 'date'
  | 'currency'
  | 'string?'
  | 'int?'
  | 'instant?'
  | { arrayOf: Shape }
  | Shape;

export interface Shape {
  [field: string]: FieldKind;
}

export class ContractViolation extends Error {
  constructor(
    readonly type: string,
    readonly problems: string[],
  ) {
    super(`${type} violates its contract: ${problems.join('; ')}`);
    this.name = 'ContractViolation';
  }
}

export function problemsOf(value: unknown, shape: Shape, path = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path || 'value'} must be an object`];
  const record = value as Record<string, unknown>;
  return Object.entries(shape).flatMap(([field, kind]) => check(record[field], kind, path ? `${path}.${field}` : field));
}

function check(value: unknown, kind: FieldKind, path: string): string[] {
  if (typeof kind === 'object') {
    if ('arrayOf' in kind && typeof kind.arrayOf === 'object' && !Array.isArray(kind.arrayOf)) {
      if (!Array.isArray(value)) return [`${path} must be an array`];
      return value.flatMap((item, index) => problemsOf(item, kind.arrayOf as Shape, `${path}.${index}`));
    }
    return problemsOf(value, kind as Shape, path);
  }
  const optional = kind.endsWith('?');
  if (optional && (value === undefined || value === null)) return [];
  const base = optional ? kind.slice(0, -1) : kind;
  const ok =
    (base === 'string' && typeof value === 'string') ||
    (base === 'int' && Number.isSafeInteger(value)) ||
    (base === 'boolean' && typeof value === 'boolean') ||
    (base === 'instant' && typeof value === 'string' && !Number.isNaN(Date.parse(value)) && value.includes('T')) ||
    (base === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) ||
    (base === 'currency' && typeof value === 'string' && /^[A-Z]{3}$/.test(value));
  return ok ? [] : [`${path} must be ${base}`];
}
