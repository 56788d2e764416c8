/**
 * JSON with two tagged types, so event data survives any store byte for byte:
 * `bigint` becomes `{ "$bigint": "123" }` and `Date` becomes `{ "$date": "ISO" }`.
 * Everything else is plain JSON. Stores keep the encoded form; readers decode it.
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
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$bigint' && typeof value.$bigint === 'string') return BigInt(value.$bigint);
    if (keys.length === 1 && keys[0] === '$date' && typeof value.$date === 'string') return new Date(value.$date);
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = decode(inner);
    return out;
  }
  return value;
}

/** Canonical JSON: keys sorted at every depth, so equal content hashes equally in every store. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(encodeJson(value)));
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}
