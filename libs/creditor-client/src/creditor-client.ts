import createClient from 'openapi-fetch';
import type { components, paths } from './creditor-api';

export type BatchAccepted = components['schemas']['BatchAccepted'];
export type BatchStatus = components['schemas']['BatchStatusView'];
export type RowResult = components['schemas']['RowResultView'];
export type Placement = components['schemas']['PlaceAccountRequest'];
export type PlacementAnswer = components['schemas']['PlacementAnswer'];
export type Problem = components['schemas']['ProblemDetailsBody'];

/** Bytes to upload: a whole file as text, or a stream of it (sent as it is read, never held whole). */
export type BatchFileBody = string | Uint8Array | ReadableStream<Uint8Array>;

export interface CreditorClientOptions {
  /** Where client-intake (or the all-in-one process) answers, e.g. http://localhost:3000. */
  baseUrl: string;
  /** The client's API key (x-api-key). */
  apiKey: string;
  fetch?: typeof fetch;
}

/** An answer other than the documented success: its status and the RFC 9457 problem. */
export class CreditorApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(`${status}: ${problem?.detail ?? 'no problem details'}${problem?.rule ? ` (rule ${problem.rule})` : ''}`);
    this.name = 'CreditorApiError';
  }
}

/**
 * The creditor API for one client, typed from its OpenAPI document (creditor-api.d.ts,
 * generated; see tools/creditor-api-types.ts). `api` is the raw typed client
 * (openapi-fetch) for any operation; the methods below are the ones the command-line
 * tool and the tests use, each answering its documented body or throwing CreditorApiError.
 */
export function creditorClient(options: CreditorClientOptions) {
  const api = createClient<paths>({ baseUrl: options.baseUrl, headers: { 'x-api-key': options.apiKey }, fetch: options.fetch });

  return {
    api,

    async whoAmI(): Promise<{ clientId: string }> {
      const { data, error, response } = await api.GET('/clients/me');
      return answered(data, error, response);
    },

    async placeAccount(placement: Placement, idempotencyKey?: string): Promise<PlacementAnswer> {
      const { data, error, response } = await api.POST('/placements', { body: placement, params: { header: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {} } });
      return answered(data, error, response);
    },

    /** Uploads a file of placements; answered once the file is stored (202), before its rows are placed. */
    async placeBatch(file: BatchFileBody, format: 'csv' | 'ndjson', idempotencyKey?: string): Promise<BatchAccepted> {
      const { data, error, response } = await api.POST('/placements/batches', {
        // The document types the body as text; a stream goes through as it is (the serializer passes it on).
        body: file as string,
        bodySerializer: (body: unknown) => body as string,
        headers: { 'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8' },
        params: { header: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {} },
        // Node's fetch sends a stream body only half-duplex, and says so.
        ...(typeof file === 'string' || file instanceof Uint8Array ? {} : { duplex: 'half' }),
      });
      return answered(data, error, response);
    },

    async batchStatus(batchId: string): Promise<BatchStatus> {
      const { data, error, response } = await api.GET('/placements/batches/{batchId}', { params: { path: { batchId } } });
      return answered(data, error, response);
    },

    /** Every row's result, read line by line as the server streams them. */
    async *batchResults(batchId: string): AsyncIterable<RowResult> {
      const { data, error, response } = await api.GET('/placements/batches/{batchId}/results', { params: { path: { batchId } }, parseAs: 'stream' });
      const stream = answered(data, error, response) as ReadableStream<Uint8Array>;
      yield* ndjsonLines<RowResult>(stream);
    },
  };
}

export type CreditorClient = ReturnType<typeof creditorClient>;

function answered<T>(data: T | undefined, error: unknown, response: Response): T {
  if (error !== undefined || !response.ok) throw new CreditorApiError(response.status, error as Problem | undefined);
  return data as T;
}

/** Parses a stream of newline-delimited JSON, a line at a time. */
export async function* ndjsonLines<T>(stream: ReadableStream<Uint8Array>): AsyncIterable<T> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line) yield JSON.parse(line) as T;
    }
  }
  pending += decoder.decode();
  if (pending.trim()) yield JSON.parse(pending) as T;
}
