/**
 * JSON with two tagged types, so event data survives any store byte for byte:
 * `bigint` becomes `{ "$bigint": "123" }` and `Date` becomes `{ "$date": "ISO" }`.
 * Everything else is plain JSON. Stores keep the encoded form; readers decode it.
 * The event stores refuse other object keys starting with `$` (see `validateEventsToAppend`
 * in `@lib/event-store`), so a tag is never ambiguous in what they write.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function encodeJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeJson);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (inner !== undefined) out[key] = encodeJson(inner);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`cannot encode non-finite number ${value}`);
  }
  return value as Json;
}

export function decodeJson<T = unknown>(value: Json): T {
  return decode(value) as T;
}

function decode(value: Json): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    const tagged = decodeTag(value);
    if (tagged !== undefined) return tagged;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = decode(inner);
    return out;
  }
  return value;
}

/**
 * A tag is read only in the exact form `encodeJson` writes it. Anything else that looks
 * like one (stored before the stores refused `$` keys) stays the plain object it was:
 * it neither throws, which would block every read past it, nor turns into a value whose
 * re-encoding differs, which would break its hash.
 */
function decodeTag(value: { [key: string]: Json }): bigint | Date | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const text = value[keys[0]];
  if (typeof text !== 'string') return undefined;
  if (keys[0] === '$bigint' && /^-?\d+$/.test(text) && BigInt(text).toString() === text) return BigInt(text);
  if (keys[0] === '$date') {
    const date = new Date(text);
    if (!Number.isNaN(date.getTime()) && date.toISOString() === text) return date;
  }
  return undefined;
}

/**
 * Canonical JSON: keys sorted at every depth, so equal content hashes equally in every store.
 * Exactly `JSON.stringify` of `encodeJson(value)` with every object's keys inserted in
 * sorted order, written in one pass (no encoded or sorted copies): verifying a hash chain
 * writes this for every event it reads. `codec.unit.spec.ts` holds it against that
 * definition.
 */
export function canonicalJson(value: unknown): string {
  // At the top level a function or a symbol is what JSON.stringify makes of it.
  return typeof value === 'function' || typeof value === 'symbol' ? (JSON.stringify(value) as string) : canonicalText(value);
}

function canonicalText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot encode non-finite number ${value}`);
      return JSON.stringify(value);
    case 'bigint':
      return `{"$bigint":"${value.toString()}"}`;
    case 'object':
      return canonicalObject(value);
    default:
      return 'null';
  }
}

function canonicalObject(value: object): string {
  if (value instanceof Date) return `{"$date":${JSON.stringify(value.toISOString())}}`;
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) out += ',';
      // In an array, a function or a symbol is written as null, as JSON.stringify does.
      out += canonicalText(value[index]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of canonicalKeyOrder(record)) {
    const inner = record[key];
    // encodeJson drops undefined members; JSON.stringify drops functions and symbols; and
    // the sorted copy never held an own `__proto__` (assigning it sets the prototype).
    if (inner === undefined || typeof inner === 'function' || typeof inner === 'symbol' || key === '__proto__') continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalText(inner)}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * The order of the sorted copy's keys as JSON.stringify lists them: an object lists
 * integer-like keys ("9", "10") first, ascending by value, then the others in insertion
 * (here: sorted) order. `Object.keys` already lists the integer-like ones first in that order.
 */
function canonicalKeyOrder(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  let integers = 0;
  while (integers < keys.length && isArrayIndex(keys[integers])) integers += 1;
  return integers === 0 ? keys.sort() : keys.slice(0, integers).concat(keys.slice(integers).sort());
}

function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}
