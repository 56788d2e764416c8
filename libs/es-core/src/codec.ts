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
