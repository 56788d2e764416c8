/**
 * `canonicalJson` of `@lib/es-core` (tagged JSON, keys sorted at every depth) in one pass,
 * without building the encoded and the sorted copies first. The append sends this text
 * both as what the database stores and as what it hashes, so it must equal
 * `canonicalJson(value)` character for character: `canonical-encode.unit.spec.ts` holds
 * the two side by side.
 */
export function canonicalEncode(value: unknown): string {
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
      return encodeObject(value);
    default:
      // Functions and symbols: what JSON.stringify does with them at the top level.
      return JSON.stringify(value) ?? 'null';
  }
}

function encodeObject(value: object): string {
  if (value instanceof Date) return `{"$date":${JSON.stringify(value.toISOString())}}`;
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) out += ',';
      out += encodeArrayItem(value[index]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of sortedKeys(record)) {
    const inner = record[key];
    // encodeJson drops undefined members; JSON.stringify drops functions and symbols.
    if (inner === undefined || typeof inner === 'function' || typeof inner === 'symbol') continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalEncode(inner)}`;
    first = false;
  }
  return `${out}}`;
}

function encodeArrayItem(item: unknown): string {
  return typeof item === 'function' || typeof item === 'symbol' ? 'null' : canonicalEncode(item);
}

/**
 * The order `canonicalJson` produces: it inserts the sorted keys into a new object, and a
 * JavaScript object lists integer-like keys ("9", "10") first, ascending by value, before
 * every other key. `Object.keys` already lists them first in that order.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  let integers = 0;
  while (integers < keys.length && isArrayIndex(keys[integers])) integers += 1;
  return integers === 0 ? keys.sort() : keys.slice(0, integers).concat(keys.slice(integers).sort());
}

function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}
