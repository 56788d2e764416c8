import { QueryOptions } from '../read-model-store.port';

/**
 * The part of MongoDB's query language the SQL read-model store answers, translated to
 * SQL on a JSONB column. It is the subset the store's callers use (reporting's queries,
 * the contract suite): per field, a literal (equality), `$eq`, `$in`, `$exists`, and the
 * ranges `$gt`/`$gte`/`$lt`/`$lte` on a number or a string; fields may be dotted paths;
 * several fields are ANDed. Anything else is refused with `UnsupportedQueryError` rather
 * than answered with different semantics.
 *
 * MongoDB's rules kept: a literal also matches an array holding it; `null` matches a
 * missing field; ranges only compare values of the operand's type (numbers numerically,
 * strings by code unit, as MongoDB's binary comparison does); sort orders types as BSON
 * does (missing/null, numbers, strings, objects, arrays, booleans).
 */
export class UnsupportedQueryError extends Error {
  constructor(readonly detail: string) {
    super(`read-model store (SQL): unsupported query: ${detail}`);
    this.name = 'UnsupportedQueryError';
  }
}

/** SQL text with `$n` placeholders and their values, appended to as a query is built. */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

type Scalar = string | number | boolean | null;

const RANGE_OPERATORS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * A SQL condition (on columns `id` and `doc`) for a filter. `_id` is the `id` column;
 * other fields starting with `_` are the store's bookkeeping and are refused.
 */
export function whereClause(filter: Record<string, unknown> | undefined, parameters: SqlParameters): string {
  const conditions: string[] = [];
  for (const [field, condition] of Object.entries(filter ?? {})) {
    if (field.startsWith('$')) throw new UnsupportedQueryError(`top-level operator ${field}`);
    if (field === '_id') {
      conditions.push(idCondition(condition, parameters));
      continue;
    }
    if (field.startsWith('_')) throw new UnsupportedQueryError(`field ${field} (fields starting with _ belong to the store)`);
    const path = pathOf(field);
    if (isOperatorObject(condition)) {
      for (const [operator, operand] of Object.entries(condition)) conditions.push(fieldCondition(field, path, operator, operand, parameters));
    } else {
      conditions.push(equals(field, path, condition, parameters));
    }
  }
  return conditions.length === 0 ? 'TRUE' : conditions.map((condition) => `(${condition})`).join(' AND ');
}

/** An ORDER BY list; `_id` ties last (see `stableSort`). */
export function orderByClause(sort: Record<string, 1 | -1>): string {
  const keys: string[] = [];
  for (const [field, direction] of Object.entries(sort)) {
    if (direction !== 1 && direction !== -1) throw new UnsupportedQueryError(`sort direction ${String(direction)} on ${field}`);
    const order = direction === 1 ? 'ASC' : 'DESC';
    if (field === '_id') {
      keys.push(`id COLLATE "C" ${order}`);
      continue;
    }
    if (field.startsWith('_') || field.startsWith('$')) throw new UnsupportedQueryError(`sort on ${field}`);
    const value = `doc #> '${pathLiteral(pathOf(field))}'`;
    // BSON type order first, then the value within its type.
    keys.push(
      `CASE jsonb_typeof(${value}) WHEN 'number' THEN 1 WHEN 'string' THEN 2 WHEN 'object' THEN 3 WHEN 'array' THEN 4 WHEN 'boolean' THEN 5 ELSE 0 END ${order}`,
      `CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${value})::numeric END ${order}`,
      `CASE WHEN jsonb_typeof(${value}) = 'string' THEN ${value} #>> '{}' END COLLATE "C" ${order}`,
      `CASE WHEN jsonb_typeof(${value}) IN ('object', 'array', 'boolean') THEN ${value} END ${order}`,
    );
  }
  return keys.join(', ');
}

/** `LIMIT`/`OFFSET` for the options; refuses values MongoDB would refuse. */
export function pageClause(options: QueryOptions, parameters: SqlParameters): string {
  let clause = '';
  if (options.limit !== undefined && options.limit !== 0) {
    if (!Number.isInteger(options.limit) || options.limit < 0) throw new UnsupportedQueryError(`limit ${options.limit}`);
    clause += ` LIMIT ${parameters.add(options.limit)}`;
  }
  if (options.skip !== undefined && options.skip !== 0) {
    if (!Number.isInteger(options.skip) || options.skip < 0) throw new UnsupportedQueryError(`skip ${options.skip}`);
    clause += ` OFFSET ${parameters.add(options.skip)}`;
  }
  return clause;
}

function idCondition(condition: unknown, parameters: SqlParameters): string {
  if (typeof condition === 'string') return `id = ${parameters.add(condition)}`;
  if (isOperatorObject(condition)) {
    const parts: string[] = [];
    for (const [operator, operand] of Object.entries(condition)) {
      if (operator === '$eq' && typeof operand === 'string') parts.push(`id = ${parameters.add(operand)}`);
      else if (operator === '$in' && Array.isArray(operand) && operand.every((value) => typeof value === 'string')) parts.push(`id = ANY(${parameters.add(operand)}::text[])`);
      else if (operator === '$exists' && typeof operand === 'boolean') parts.push(operand ? 'TRUE' : 'FALSE');
      // Ranges compare ids by code unit, as MongoDB compares strings: a keyset page (`$gt` the last id, sorted by `_id`).
      else if (operator in RANGE_OPERATORS && typeof operand === 'string') parts.push(`id COLLATE "C" ${RANGE_OPERATORS[operator]} ${parameters.add(operand)}`);
      else throw new UnsupportedQueryError(`_id with ${operator} ${JSON.stringify(operand)} (ids are strings)`);
    }
    return parts.join(' AND ');
  }
  throw new UnsupportedQueryError(`_id equal to ${JSON.stringify(condition)} (ids are strings)`);
}

function fieldCondition(field: string, path: string[], operator: string, operand: unknown, parameters: SqlParameters): string {
  switch (operator) {
    case '$eq':
      return equals(field, path, operand, parameters);
    case '$in': {
      if (!Array.isArray(operand)) throw new UnsupportedQueryError(`${field}: $in needs an array`);
      if (operand.length === 0) return 'FALSE';
      return operand.map((value) => equals(field, path, value, parameters)).join(' OR ');
    }
    case '$exists':
      if (typeof operand !== 'boolean') throw new UnsupportedQueryError(`${field}: $exists needs true or false`);
      return `doc #> '${pathLiteral(path)}' IS ${operand ? 'NOT ' : ''}NULL`;
    default: {
      const comparison = RANGE_OPERATORS[operator];
      if (!comparison) throw new UnsupportedQueryError(`${field}: operator ${operator}`);
      const value = `doc #> '${pathLiteral(path)}'`;
      if (typeof operand === 'number' && Number.isFinite(operand)) {
        // CASE, not AND: SQL may evaluate the cast before the type test.
        return `CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${value})::numeric END ${comparison} ${parameters.add(operand)}::numeric`;
      }
      if (typeof operand === 'string') {
        return `CASE WHEN jsonb_typeof(${value}) = 'string' THEN ${value} #>> '{}' END COLLATE "C" ${comparison} ${parameters.add(operand)}::text COLLATE "C"`;
      }
      throw new UnsupportedQueryError(`${field}: ${operator} on ${JSON.stringify(operand)} (only numbers and strings)`);
    }
  }
}

/**
 * Equality with a literal, as containment (`@>`), which the GIN index on `doc` serves:
 * the field equals the value, or is an array holding it. `null` also matches a missing field.
 */
function equals(field: string, path: string[], value: unknown, parameters: SqlParameters): string {
  if (!isScalar(value)) throw new UnsupportedQueryError(`${field}: equality with ${JSON.stringify(value)} (only strings, numbers, booleans, null)`);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new UnsupportedQueryError(`${field}: equality with ${value}`);
  const exact = parameters.add(JSON.stringify(nest(path, value)));
  const inArray = parameters.add(JSON.stringify(nest(path, [value])));
  const contained = `doc @> ${exact}::jsonb OR doc @> ${inArray}::jsonb`;
  return value === null ? `${contained} OR doc #> '${pathLiteral(path)}' IS NULL` : contained;
}

function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

function pathOf(field: string): string[] {
  const path = field.split('.');
  if (path.some((key) => key === '' || key.startsWith('$'))) throw new UnsupportedQueryError(`field name ${field}`);
  // Array positions (`items.0`) mean something else to MongoDB than to `#>`.
  if (path.some((key) => /^\d+$/.test(key))) throw new UnsupportedQueryError(`array position in ${field}`);
  return path;
}

/** A text[] literal for `#>`, inlined (not a parameter) so the planner sees a constant path. */
function pathLiteral(path: readonly string[]): string {
  return `{${path.map((key) => `"${key.replace(/["\\]/g, (c) => `\\${c}`).replace(/'/g, "''")}"`).join(',')}}`;
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((key) => key.startsWith('$'))) return true;
  throw new UnsupportedQueryError(`equality with an object or a mix of operators and fields: ${JSON.stringify(value)}`);
}
