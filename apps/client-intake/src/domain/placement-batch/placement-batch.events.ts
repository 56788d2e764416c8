import type { DomainEvent } from '@lib/es-core';

/** Why a row was not placed: the field (a body path, or a CSV column) and the reason. */
export interface RowProblem {
  field: string;
  reason: string;
}

/** A row as it was received: the placement it asks for, or the problems that kept it from being read. */
export type ReceivedRow = { row: number; placement: unknown } | { row: number; problems: RowProblem[] };

/**
 * What became of one row. `already-placed`: the client reference had been placed before
 * (by another request or an earlier row), the account id is that placement's.
 */
export type RowResult =
  | { row: number; outcome: 'placed'; accountId: string; clientReference: string }
  | { row: number; outcome: 'already-placed'; accountId: string; clientReference: string }
  | { row: number; outcome: 'refused'; problems: RowProblem[] };

/** `batch-<batchId>`, first event: who uploaded what, before a row is stored. */
export type BatchReceived = DomainEvent<'BatchReceived', { batchId: string; clientId: string; format: 'csv' | 'ndjson'; receivedAt: string }>;
/** `batch-rows-<batchId>`: one chunk of rows, stored before the upload is answered; the chunk's number is its version. */
export type RowsReceived = DomainEvent<'RowsReceived', { chunk: number; rows: ReceivedRow[] }>;
/** `batch-<batchId>`: the whole file is stored; the worker may place it. */
export type BatchSealed = DomainEvent<'BatchSealed', { rows: number; chunks: number }>;
/** `batch-<batchId>`: the file was refused while it was read (too many rows); nothing of it is placed. */
export type BatchRefused = DomainEvent<'BatchRefused', { rule: string; status: number; reason: string }>;
/** `batch-<batchId>`: what became of every row of one chunk, appended once per chunk. */
export type RowsPlaced = DomainEvent<'RowsPlaced', { chunk: number; results: RowResult[] }>;
/**
 * `batch-<batchId>`: every chunk has its results. It names the batch whole (client, format,
 * rows, when received) so it is published on its own as `PlacementBatchCompleted.v1`, the
 * source of the `batch.finished` webhook; those four are absent on batches completed
 * before that, which are not announced.
 */
export type BatchCompleted = DomainEvent<
  'BatchCompleted',
  {
    placed: number;
    alreadyPlaced: number;
    refused: number;
    completedAt: string;
    batchId?: string;
    clientId?: string;
    format?: 'csv' | 'ndjson';
    rows?: number;
    receivedAt?: string;
  }
>;

export type BatchEvent = BatchReceived | BatchSealed | BatchRefused | RowsPlaced | BatchCompleted;

/** `placement-batches`: the work list the worker resumes from at start. */
export type BatchQueued = DomainEvent<'BatchQueued', { batchId: string }>;
export type BatchFinished = DomainEvent<'BatchFinished', { batchId: string }>;
export type BatchQueueEvent = BatchQueued | BatchFinished;

export const ROWS_PER_CHUNK = 500;

export const batchStreamId = (batchId: string) => `batch-${batchId}`;
export const batchRowsStreamId = (batchId: string) => `batch-rows-${batchId}`;
/** The batch id of a `batch-<batchId>` stream (not of its `batch-rows-` stream). */
export const batchIdOfStream = (streamId: string) => (streamId.startsWith('batch-') && !streamId.startsWith('batch-rows-') ? streamId.slice('batch-'.length) : undefined);
export const BATCH_QUEUE_STREAM = 'placement-batches';
