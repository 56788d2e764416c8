/**
 * `canonicalJson` of `@lib/es-core` (tagged JSON, keys sorted at every depth) in one pass,
 * without building the encoded and the sorted copies first. The append sends this text
 * both as what the database stores and as what it hashes, so it must equal
 * `canonicalJson(value)` character for character: `canonical-encode.unit.spec.ts` holds
 * the two side by side.
 */
export function canonicalEncode(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot encode non-finite number ${value}`);
      return JSON.stringify(value);
    case 'bigint':
      return `{"$bigint":"${value.toString()}"}`;
    case 'object':
      return encodeObject(value);
    default:
      // Functions and symbols: what JSON.stringify does with them at the top level.
      return JSON.stringify(value) ?? 'null';
  }
}

let droppedMembers = 0;

/**
 * How many object members (undefined, functions, symbols) encodings have left out so far
 * in this process. A caller that reads the text in place of the value compares it before
 * and after an encoding: a dropped member's key is in the value but not in the text.
 */
export function droppedMemberCount(): number {
  return droppedMembers;
}

function encodeObject(value: object): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) out += ',';
      const item: unknown = value[index];
      out += typeof item === 'function' || typeof item === 'symbol' ? 'null' : canonicalEncode(item);
    }
    return `${out}]`;
  }
  if (value instanceof Date) return `{"$date":${JSON.stringify(value.toISOString())}}`;
  const record = value as Record<string, unknown>;
  const keys = sortedKeys(record);
  let out = '{';
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index];
    const inner = record[key];
    // encodeJson drops undefined members; JSON.stringify drops functions and symbols.
    if (inner === undefined || typeof inner === 'function' || typeof inner === 'symbol') {
      droppedMembers += 1;
      continue;
    }
    if (out.length > 1) out += ',';
    out += quotedKey(key);
    out += typeof inner === 'string' ? JSON.stringify(inner) : canonicalEncode(inner);
  }
  return `${out}}`;
}

/**
 * `"key":`, remembered: events of one type repeat the same few keys, and quoting them
 * again was a third of the encoding. Long keys and keys past the first
 * {@link QUOTED_KEYS_KEPT} (ids used as keys) are quoted every time.
 */
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_KEPT = 10_000;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (key.length <= 64 && quotedKeys.size < QUOTED_KEYS_KEPT) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * The order `canonicalJson` produces: it inserts the sorted keys into a new object, and a
 * JavaScript object lists integer-like keys ("9", "10") first, ascending by value, before
 * every other key. `Object.keys` already lists them first in that order, so when the
 * first key does not start with a digit there are none.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  if (keys.length < 2) return keys;
  const first = keys[0].charCodeAt(0);
  if (first >= 48 && first <= 57) {
    let integers = 0;
    while (integers < keys.length && isArrayIndex(keys[integers])) integers += 1;
    if (integers > 0) return keys.slice(0, integers).concat(keys.slice(integers).sort());
  }
  return keys.length <= 16 ? insertionSort(keys) : keys.sort();
}

/** Array.prototype.sort's default order (UTF-16 code units), faster for a handful of keys. */
function insertionSort(keys: string[]): string[] {
  for (let index = 1; index < keys.length; index += 1) {
    const key = keys[index];
    let at = index - 1;
    while (at >= 0 && keys[at] > key) {
      keys[at + 1] = keys[at];
      at -= 1;
    }
    keys[at + 1] = key;
  }
  return keys;
}

function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}
