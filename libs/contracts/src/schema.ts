/**
 * The one declaration of an integration event's shape. From a schema built here come the
 * TypeScript type (`Infer<typeof schema>`), the runtime check (every problem named, field by
 * field, so a refused message says all that is wrong with it at once) and the JSON Schema
 * the AsyncAPI document publishes. Deliberately small: only the kinds the contracts use.
 */
export type JsonSchema = Record<string, unknown>;

export interface Schema<T> {
  /** Problems of `value` at `path`; empty when it conforms. */
  problems(value: unknown, path: string): string[];
  toJsonSchema(): JsonSchema;
  /** Phantom: carries the inferred type, never set at run time. */
  readonly _type?: T;
  /** Absent (or null) is allowed; an object property declared with it is optional. */
  readonly optional?: boolean;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Fields = Record<string, Schema<unknown>>;
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K] extends { optional: true } ? K : never }[keyof F];
type RequiredKeys<F extends Fields> = Exclude<keyof F, OptionalKeys<F>>;
type Flatten<T> = { [K in keyof T]: T[K] };
export type ObjectOf<F extends Fields> = Flatten<{ [K in RequiredKeys<F>]: Infer<F[K]> } & { [K in OptionalKeys<F>]?: Infer<F[K]> }>;

export interface ObjectSchema<F extends Fields> extends Schema<ObjectOf<F>> {
  readonly fields: F;
}

const where = (path: string) => path || 'value';

function primitive<T>(kind: string, accepts: (value: unknown) => boolean, jsonSchema: JsonSchema): Schema<T> {
  return {
    problems: (value, path) => (accepts(value) ? [] : [`${where(path)} must be ${kind}`]),
    toJsonSchema: () => ({ ...jsonSchema }),
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** The schema builder. */
export const s = {
  string: (): Schema<string> => primitive('string', (v) => typeof v === 'string', { type: 'string' }),
  /** A safe integer (money is integer minor units). */
  int: (): Schema<number> => primitive('int', (v) => Number.isSafeInteger(v), { type: 'integer' }),
  boolean: (): Schema<boolean> => primitive('boolean', (v) => typeof v === 'boolean', { type: 'boolean' }),
  /** An ISO-8601 instant: a date and a time. */
  instant: (): Schema<string> =>
    primitive('instant', (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) && v.includes('T'), { type: 'string', format: 'date-time' }),
  /** A calendar date, `YYYY-MM-DD`. */
  date: (): Schema<string> => primitive('date', (v) => typeof v === 'string' && ISO_DATE.test(v), { type: 'string', format: 'date', pattern: ISO_DATE.source }),
  /** An ISO 4217 code, e.g. `USD`. */
  currency: (): Schema<string> => primitive('currency', (v) => typeof v === 'string' && CURRENCY.test(v), { type: 'string', pattern: CURRENCY.source }),
  /** One of the listed strings. */
  enum: <const V extends readonly string[]>(values: V): Schema<V[number]> =>
    primitive(`one of ${values.join(', ')}`, (v) => typeof v === 'string' && values.includes(v), { type: 'string', enum: [...values] }),
  /** May be absent or null. */
  optional: <T>(inner: Schema<T>): Schema<T | undefined> & { optional: true } => ({
    optional: true,
    problems: (value, path) => (value === undefined || value === null ? [] : inner.problems(value, path)),
    toJsonSchema: () => inner.toJsonSchema(),
  }),
  /** Must be present; null stands for "not known" (documented where it is used). */
  nullable: <T>(inner: Schema<T>): Schema<T | null> => ({
    problems: (value, path) => (value === null ? [] : inner.problems(value, path)),
    toJsonSchema: () => ({ oneOf: [inner.toJsonSchema(), { type: 'null' }] }),
  }),
  array: <T>(item: Schema<T>): Schema<T[]> => ({
    problems: (value, path) =>
      Array.isArray(value) ? value.flatMap((element, index) => item.problems(element, `${path}.${index}`)) : [`${where(path)} must be an array`],
    toJsonSchema: () => ({ type: 'array', items: item.toJsonSchema() }),
  }),
  /** Any JSON object, its fields unchecked (e.g. a stored event's data in the audit trail). */
  record: (): Schema<Record<string, unknown>> => primitive('an object', isPlainObject, { type: 'object' }),
  /** Declared fields are checked; other fields are allowed (a newer publisher may add some). */
  object: <F extends Fields>(fields: F): ObjectSchema<F> => ({
    fields,
    problems(value, path) {
      if (!isPlainObject(value)) return [`${where(path)} must be an object`];
      return Object.entries(fields).flatMap(([field, schema]) => schema.problems(value[field], path ? `${path}.${field}` : field));
    },
    toJsonSchema() {
      const required = Object.entries(fields)
        .filter(([, schema]) => !schema.optional)
        .map(([field]) => field);
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(fields).map(([field, schema]) => [field, schema.toJsonSchema()])),
        required,
      };
    },
  }),
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
