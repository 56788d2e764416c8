import { createHash } from 'node:crypto';

/**
 * The verifiable history export (format `agency-history-export`, version 1), as both its
 * writer (reporting) and its stand-alone verifier (tools/verify-export.ts) compute it.
 * This file is the whole shared part: it imports nothing but node:crypto, so whoever
 * checks an export can read every line the check depends on. docs/reporting.md states
 * the same rules in prose, for anyone writing a verifier of their own.
 */

export const EXPORT_FORMAT = 'agency-history-export';
export const EXPORT_FORMAT_VERSION = 1;

/** The `previousHash` of a stream's first event, and the running hash before the first line. */
export const GENESIS_HASH = '0'.repeat(64);

/** Prefixed to the final hash before signing, so a signature over an export means nothing elsewhere. */
export const SIGNATURE_CONTEXT = 'agency-history-export/v1\n';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** First line: what was exported, and when. */
export interface HeaderRecord {
  record: 'header';
  format: typeof EXPORT_FORMAT;
  formatVersion: number;
  scope: 'account' | 'client';
  /** The account id or the client id the scope names. */
  subject: string;
  exportedAt: string;
}

/** One stored event, whole and in its stored form, with its stream's hash-chain link. */
export interface EventRecord {
  record: 'event';
  service: string;
  accountId: string;
  streamId: string;
  version: number;
  type: string;
  data: { [key: string]: JsonValue };
  metadata: {
    eventId: string;
    principal: { role: string; id: string };
    correlationId: string;
    causationId: string;
    occurredAt: string;
    previousHash: string;
    hash: string;
    [extra: string]: JsonValue;
  };
}

/** Last line: the running hash of every line before it, signed with the agency's Ed25519 key. */
export interface SignatureRecord {
  record: 'signature';
  algorithm: 'Ed25519';
  /** RFC 7638 thumbprint of the public key (as published at /.well-known/agency-signing-key). */
  keyId: string;
  /** Lines before this one (the header included). */
  lines: number;
  events: number;
  finalHash: string;
  /** Ed25519 signature of SIGNATURE_CONTEXT + finalHash (UTF-8), base64url. */
  signature: string;
}

export type ExportRecord = HeaderRecord | EventRecord | SignatureRecord;

/** JSON with object keys sorted (by UTF-16 code units) at every depth and no whitespace. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const inner = (value as Record<string, unknown>)[key];
      if (inner !== undefined) sorted[key] = sortKeys(inner);
    }
    return sorted;
  }
  return value;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * An event's hash in its stream's chain, as every event store computes it on append:
 * SHA-256 of `previousHash`, a line feed, and the canonical JSON of
 * `{ streamId, version, type, data, metadata }`, metadata without `previousHash` and `hash`.
 */
export function eventHash(event: Pick<EventRecord, 'streamId' | 'version' | 'type' | 'data' | 'metadata'>): string {
  const { previousHash, hash: _hash, ...metadata } = event.metadata;
  return sha256Hex(`${previousHash}\n${canonicalJson({ streamId: event.streamId, version: event.version, type: event.type, data: event.data, metadata })}`);
}

/** The running hash after one more line: SHA-256 of the running hash so far, a line feed, and the line's canonical JSON. */
export function nextRunningHash(runningHash: string, line: HeaderRecord | EventRecord): string {
  return sha256Hex(`${runningHash}\n${canonicalJson(line)}`);
}

/** The bytes the agency signs: the context string, then the final hash, UTF-8. */
export function signedMessage(finalHash: string): Buffer {
  return Buffer.from(`${SIGNATURE_CONTEXT}${finalHash}`, 'utf8');
}

/**
 * The CSV form: one row per line of the NDJSON form, under a header row of these columns.
 * `json` is the line exactly as in NDJSON (canonical JSON) and is what is hashed; the other
 * columns repeat its fields for people and spreadsheets and must agree with it.
 */
export const CSV_COLUMNS = ['record', 'service', 'accountId', 'streamId', 'version', 'type', 'eventId', 'occurredAt', 'actorRole', 'actorId', 'previousHash', 'hash', 'json'] as const;

/** The readable columns of one record (every column but `json`), empty where the record has no such field. */
export function csvFieldsOf(record: ExportRecord): string[] {
  const event = record.record === 'event' ? record : undefined;
  const values: Record<(typeof CSV_COLUMNS)[number], string> = {
    record: record.record,
    service: event?.service ?? '',
    accountId: event?.accountId ?? (record.record === 'header' && record.scope === 'account' ? record.subject : ''),
    streamId: event?.streamId ?? '',
    version: event ? String(event.version) : '',
    type: event?.type ?? '',
    eventId: event?.metadata.eventId ?? '',
    occurredAt: event?.metadata.occurredAt ?? (record.record === 'header' ? record.exportedAt : ''),
    actorRole: event?.metadata.principal.role ?? '',
    actorId: event?.metadata.principal.id ?? '',
    previousHash: event?.metadata.previousHash ?? '',
    hash: event?.metadata.hash ?? (record.record === 'signature' ? record.finalHash : ''),
    json: canonicalJson(record),
  };
  return CSV_COLUMNS.map((column) => values[column]);
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. Rows end with CRLF. */
export function csvRow(fields: readonly string[]): string {
  return `${fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',')}\r\n`;
}
