import type { BatchEvent, RowResult } from './placement-batch.events';

export type BatchStatus = 'receiving' | 'processing' | 'completed' | 'refused';

/** A batch as its status shows it: counts only, so it folds incrementally and stays small whatever the file's size. */
export interface BatchState {
  batchId: string;
  clientId: string;
  format: 'csv' | 'ndjson';
  status: BatchStatus;
  receivedAt: string;
  received: number;
  chunks: number;
  placed: number;
  alreadyPlaced: number;
  refused: number;
  chunksPlaced: ReadonlySet<number>;
  completedAt?: string;
  refusal?: { rule: string; status: number; reason: string };
}

export function evolveBatch(state: BatchState | undefined, event: BatchEvent): BatchState | undefined {
  if (event.type === 'BatchReceived') {
    const { batchId, clientId, format, receivedAt } = event.data;
    return { batchId, clientId, format, receivedAt, status: 'receiving', received: 0, chunks: 0, placed: 0, alreadyPlaced: 0, refused: 0, chunksPlaced: new Set() };
  }
  if (!state) return state;
  switch (event.type) {
    case 'BatchSealed':
      return { ...state, status: 'processing', received: event.data.rows, chunks: event.data.chunks };
    case 'BatchRefused':
      return { ...state, status: 'refused', refusal: event.data };
    case 'RowsPlaced': {
      if (state.chunksPlaced.has(event.data.chunk)) return state;
      const count = (outcome: RowResult['outcome']) => event.data.results.filter((result) => result.outcome === outcome).length;
      return {
        ...state,
        placed: state.placed + count('placed'),
        alreadyPlaced: state.alreadyPlaced + count('already-placed'),
        refused: state.refused + count('refused'),
        chunksPlaced: new Set([...state.chunksPlaced, event.data.chunk]),
      };
    }
    case 'BatchCompleted':
      return { ...state, status: 'completed', completedAt: event.data.completedAt };
  }
}

export const pendingRows = (state: BatchState) => state.received - state.placed - state.alreadyPlaced - state.refused;
