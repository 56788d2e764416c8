#!/usr/bin/env node
/**
 * Checks a history export offline: every stream's hash chain, the running hash over every
 * line, and the agency's Ed25519 signature of it. Names the first thing that does not hold.
 *
 *   npm run verify-export -- export.ndjson --key agency-signing-key.pem
 *   npm run verify-export -- export.csv --jwks-url https://agency.example/.well-known/agency-signing-key
 *
 * Exit code 0: verified. 1: not verified (the reason is printed). 2: wrong usage.
 *
 * It depends on nothing of the services but the format module it shares with the writer
 * (libs/contracts/src/audit/history-export.format.ts, node:crypto only), so a reader can
 * check the whole check. docs/reporting.md describes the format for other verifiers.
 */
import { createHash, createPublicKey, KeyObject, verify } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import {
  CSV_COLUMNS,
  csvFieldsOf,
  EventRecord,
  eventHash,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  ExportRecord,
  GENESIS_HASH,
  HeaderRecord,
  nextRunningHash,
  SignatureRecord,
  signedMessage,
} from '../libs/contracts/src/audit/history-export.format';

export type Verdict =
  | { ok: true; lines: number; events: number; streams: number; finalHash: string; keyId: string }
  | {
      ok: false;
      /** 1-based line (NDJSON) or row (CSV, its column header being row 1) where the check failed. */
      line: number;
      problem: string;
      stream?: string;
      version?: number;
      expected?: string;
      found?: string;
    };

/** A public key the signature may be checked with, and its RFC 7638 thumbprint. */
export interface VerificationKey {
  keyId: string;
  key: KeyObject;
}

class Broken extends Error {
  constructor(readonly verdict: Extract<Verdict, { ok: false }>) {
    super(verdict.problem);
  }
}

/** Verifies an export's text (NDJSON, or CSV when its first row is the CSV column header). */
export function verifyExport(text: string, keys: readonly VerificationKey[]): Verdict {
  return verifyExportChunks([text], keys);
}

/** Verifies an export file, read a chunk at a time: memory stays flat however long the export. */
export function verifyExportFile(file: string, keys: readonly VerificationKey[]): Verdict {
  return verifyExportChunks(fileChunks(file), keys);
}

/** Verifies an export given as pieces of text split anywhere (a character never split). */
export function verifyExportChunks(chunks: Iterable<string>, keys: readonly VerificationKey[]): Verdict {
  try {
    // Enough of the start to tell CSV from NDJSON, however small the pieces.
    const iterator = chunks[Symbol.iterator]();
    let head = '';
    let next = iterator.next();
    for (; !next.done && head.length < CSV_COLUMNS[0].length + 1; next = iterator.next()) head += next.value;
    const all = withFirst(head, next, iterator);
    const records = isCsv(head) ? csvRecords(all) : ndjsonRecords(all);
    return verifyRecords(records, keys);
  } catch (error) {
    if (error instanceof Broken) return error.verdict;
    throw error;
  }
}

function* withFirst(head: string, current: IteratorResult<string>, rest: Iterator<string>): Generator<string> {
  yield head;
  for (let next = current; !next.done; next = rest.next()) yield next.value;
}

/** The file's text, 1 MiB at a time, UTF-8 decoded across chunk boundaries. */
function* fileChunks(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(1 << 20);
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) yield decoder.write(buffer.subarray(0, read));
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

interface NumberedRecord {
  line: number;
  record: ExportRecord;
}

function verifyRecords(records: Iterable<NumberedRecord>, keys: readonly VerificationKey[]): Verdict {
  const chains = new Map<string, { version: number; hash: string }>();
  let runningHash = GENESIS_HASH;
  let lines = 0;
  let events = 0;
  let signature: NumberedRecord | undefined;
  let lastLine = 0;
  for (const numbered of records) {
    const { line, record } = numbered;
    lastLine = line;
    if (signature) fail({ line, problem: `a line follows the signature line (line ${signature.line})` });
    if (lines === 0) {
      checkHeader(line, record);
      runningHash = nextRunningHash(runningHash, record as HeaderRecord);
      lines += 1;
      continue;
    }
    if (record.record === 'signature') {
      signature = numbered;
      continue;
    }
    if (record.record !== 'event') fail({ line, problem: `expected an event or the signature, found a "${String((record as { record?: unknown }).record)}" record` });
    checkLink(line, record, chains);
    runningHash = nextRunningHash(runningHash, record);
    lines += 1;
    events += 1;
  }
  if (lines === 0) fail({ line: 1, problem: 'the export is empty' });
  if (!signature) fail({ line: lastLine + 1, problem: 'the export has no signature line: it was cut short, or its last line removed' });
  const signed = signature.record as SignatureRecord;
  const at = signature.line;
  if (signed.algorithm !== 'Ed25519') fail({ line: at, problem: `unknown signature algorithm "${signed.algorithm}"` });
  if (signed.finalHash !== runningHash) {
    fail({ line: at, problem: 'the running hash of the lines is not the signed final hash: a line was changed, removed, added or moved', expected: signed.finalHash, found: runningHash });
  }
  // The counts are not signed; the final hash covers every line, so they can only disagree if the signature line was edited.
  if (signed.lines !== lines) fail({ line: at, problem: 'the signature line counts a different number of lines', expected: String(signed.lines), found: String(lines) });
  if (signed.events !== events) fail({ line: at, problem: 'the signature line counts a different number of events', expected: String(signed.events), found: String(events) });
  const candidates = keys.filter((key) => key.keyId === signed.keyId);
  const tried = candidates.length > 0 ? candidates : keys;
  if (tried.length === 0) fail({ line: at, problem: 'no public key to check the signature with' });
  const good = tried.find((key) => verifySignature(key.key, signed));
  if (!good) {
    fail({
      line: at,
      problem: candidates.length > 0 ? 'bad signature: the final hash was not signed by this key' : `bad signature: signed by key ${signed.keyId}, which is not the key given (${keys.map((key) => key.keyId).join(', ')})`,
    });
  }
  return { ok: true, lines, events, streams: chains.size, finalHash: runningHash, keyId: good.keyId };
}

function checkHeader(line: number, record: ExportRecord): void {
  if (record.record !== 'header') fail({ line, problem: `the first line must be the header, found a "${String((record as { record?: unknown }).record)}" record` });
  if (record.format !== EXPORT_FORMAT || record.formatVersion !== EXPORT_FORMAT_VERSION) {
    fail({ line, problem: `not a ${EXPORT_FORMAT} version ${EXPORT_FORMAT_VERSION} export`, expected: `${EXPORT_FORMAT} ${EXPORT_FORMAT_VERSION}`, found: `${record.format} ${record.formatVersion}` });
  }
}

/** One event against its stream so far: the next version, linked to the previous hash, its own hash matching its content. */
function checkLink(line: number, event: EventRecord, chains: Map<string, { version: number; hash: string }>): void {
  if (typeof event.streamId !== 'string' || typeof event.service !== 'string' || !Number.isInteger(event.version) || typeof event.metadata !== 'object' || event.metadata === null) {
    fail({ line, problem: 'an event line without service, streamId, version or metadata' });
  }
  const stream = `${event.service}/${event.streamId}`;
  const last = chains.get(stream);
  const expectedVersion = last ? last.version + 1 : 0;
  const where = { line, stream, version: event.version };
  if (event.version !== expectedVersion) {
    fail({ ...where, problem: last ? 'version out of sequence: an event of this stream is missing or moved' : 'the stream does not start at version 0', expected: String(expectedVersion), found: String(event.version) });
  }
  const expectedPrevious = last?.hash ?? GENESIS_HASH;
  if (event.metadata.previousHash !== expectedPrevious) fail({ ...where, problem: 'previous hash does not match the preceding event of its stream', expected: expectedPrevious, found: String(event.metadata.previousHash) });
  const recomputed = eventHash(event);
  if (recomputed !== event.metadata.hash) fail({ ...where, problem: 'content does not match its hash', expected: recomputed, found: String(event.metadata.hash) });
  chains.set(stream, { version: event.version, hash: event.metadata.hash });
}

function verifySignature(key: KeyObject, signed: SignatureRecord): boolean {
  try {
    return verify(null, signedMessage(signed.finalHash), key, Buffer.from(signed.signature, 'base64url'));
  } catch {
    return false;
  }
}

function fail(verdict: Omit<Extract<Verdict, { ok: false }>, 'ok'>): never {
  throw new Broken({ ok: false, ...verdict });
}

function parseRecord(line: number, text: string): ExportRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail({ line, problem: 'not a JSON line' });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) fail({ line, problem: 'not a JSON object' });
  return parsed as ExportRecord;
}

function* ndjsonRecords(chunks: Iterable<string>): Generator<NumberedRecord> {
  let line = 0;
  let pending = '';
  const record = (text: string): NumberedRecord => {
    line += 1;
    const content = text.replace(/\r$/, '');
    if (content.trim() === '') fail({ line, problem: 'an empty line' });
    return { line, record: parseRecord(line, content) };
  };
  for (const chunk of chunks) {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop()!;
    for (const part of parts) yield record(part);
  }
  // Every line ends with a line feed; text after the last one is a line cut short, still checked.
  if (pending !== '') yield record(pending);
}

function isCsv(text: string): boolean {
  return text.startsWith(`${CSV_COLUMNS[0]},`);
}

function* csvRecords(chunks: Iterable<string>): Generator<NumberedRecord> {
  const rows = csvRows(chunks);
  const header = rows.next();
  if (header.done || header.value.fields.join(',') !== CSV_COLUMNS.join(',')) fail({ line: 1, problem: 'the CSV column header is not the export format\'s', expected: CSV_COLUMNS.join(','), found: header.done ? '' : header.value.fields.join(',') });
  for (const { row, fields } of rows) {
    if (fields.length !== CSV_COLUMNS.length) fail({ line: row, problem: `a row of ${fields.length} columns, not ${CSV_COLUMNS.length}` });
    const record = parseRecord(row, fields[CSV_COLUMNS.length - 1]);
    // The readable columns repeat the record; one that disagrees with it was edited.
    const readable = csvFieldsOf(record);
    for (let column = 0; column < CSV_COLUMNS.length - 1; column++) {
      if (fields[column] !== readable[column]) fail({ line: row, problem: `column ${CSV_COLUMNS[column]} disagrees with the row's json record`, expected: readable[column], found: fields[column] });
    }
    yield { line: row, record };
  }
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks); rows end with CRLF or LF. */
function* csvRows(chunks: Iterable<string>): Generator<{ row: number; fields: string[] }> {
  let row = 1;
  let fields: string[] = [];
  let field = '';
  // 'quoted': inside quotes; 'quote': a quote seen inside quotes (closing, or the first of a doubled one); 'cr': a CR ended a row.
  let state: 'plain' | 'quoted' | 'quote' | 'cr' = 'plain';
  for (const chunk of chunks) {
    for (const char of chunk) {
      if (state === 'cr') {
        state = 'plain';
        if (char === '\n') continue;
      }
      if (state === 'quoted') {
        if (char === '"') state = 'quote';
        else field += char;
        continue;
      }
      if (state === 'quote') {
        state = 'plain';
        if (char === '"') {
          field += '"';
          state = 'quoted';
          continue;
        }
      }
      if (char === '"' && field === '') {
        state = 'quoted';
      } else if (char === ',') {
        fields.push(field);
        field = '';
      } else if (char === '\n' || char === '\r') {
        fields.push(field);
        yield { row, fields };
        row += 1;
        fields = [];
        field = '';
        if (char === '\r') state = 'cr';
      } else {
        field += char;
      }
    }
  }
  if (state === 'quoted') fail({ line: row, problem: 'a quoted CSV field is not closed' });
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    yield { row, fields };
  }
}

/** Keys from a file: a PEM public (or private) key, a JWK, a JWK Set, or the well-known answer (a JWK Set with `pem`). */
export function keysFromText(text: string): VerificationKey[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return [keyOf(createPublicKey(trimmed))];
  const json = JSON.parse(trimmed) as { keys?: unknown[] } & Record<string, unknown>;
  const jwks = Array.isArray(json.keys) ? json.keys : [json];
  return jwks
    .filter((jwk): jwk is Record<string, string> => typeof jwk === 'object' && jwk !== null && (jwk as { kty?: unknown }).kty === 'OKP' && (jwk as { crv?: unknown }).crv === 'Ed25519')
    .map((jwk) => keyOf(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' })));
}

/** The key with its RFC 7638 thumbprint, computed here rather than trusted from a `kid`. */
export function keyOf(key: KeyObject): VerificationKey {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  const { x } = publicKey.export({ format: 'jwk' }) as { x: string };
  return { keyId: createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url'), key: publicKey };
}

/** The verdict as a person reads it. */
export function verdictText(verdict: Verdict, file: string): string {
  if (verdict.ok) {
    return `VERIFIED ${file}: ${verdict.events} events in ${verdict.streams} streams, ${verdict.lines} lines; final hash ${verdict.finalHash}; signed by key ${verdict.keyId}`;
  }
  const details = [
    verdict.stream !== undefined ? `stream ${verdict.stream}` : undefined,
    verdict.version !== undefined ? `version ${verdict.version}` : undefined,
    verdict.expected !== undefined ? `expected ${verdict.expected}` : undefined,
    verdict.found !== undefined ? `found ${verdict.found}` : undefined,
  ].filter(Boolean);
  return `NOT VERIFIED ${file}: line ${verdict.line}: ${verdict.problem}${details.length > 0 ? `\n  ${details.join('\n  ')}` : ''}`;
}

const USAGE = 'usage: verify-export <export.ndjson|export.csv> (--key <public-key.pem|jwks.json> | --jwks-url <url>)';

export async function main(argv: readonly string[]): Promise<number> {
  const args = [...argv];
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const [, value] = args.splice(at, 2);
    return value;
  };
  const keyFile = option('--key');
  const jwksUrl = option('--jwks-url');
  const [file, ...rest] = args;
  if (!file || rest.length > 0 || (keyFile === undefined) === (jwksUrl === undefined)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let keys: VerificationKey[];
  try {
    keys = keyFile !== undefined ? keysFromText(readFileSync(keyFile, 'utf8')) : keysFromText(await (await fetch(jwksUrl!, { signal: AbortSignal.timeout(30_000) })).text());
  } catch (error) {
    process.stderr.write(`cannot read the public key from ${keyFile ?? jwksUrl}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let verdict: Verdict;
  try {
    verdict = verifyExportFile(file, keys);
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  (verdict.ok ? process.stdout : process.stderr).write(`${verdictText(verdict, file)}\n`);
  return verdict.ok ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
