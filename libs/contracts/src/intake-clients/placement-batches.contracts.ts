import { contract, DataOf } from '../contract';
import { s } from '../schema';
import { INTAKE_CLIENTS } from './intake-clients.contracts';

/**
 * A client's bulk placement file was worked through: every row has its result (the
 * batch's results endpoint lists them). Keyed by client id, so a client's batches stay in
 * the order they finished. Intake itself consumes it (the `batch.finished` webhook), by
 * the same durable path as every webhook source.
 */
export const PlacementBatchCompleted = contract({
  topic: INTAKE_CLIENTS,
  type: 'PlacementBatchCompleted.v1',
  summary: 'A bulk placement batch finished: how many rows it had, how many were placed, were placed before (same client reference) or refused.',
  consumers: ['client-intake'],
  schema: s.object({
    batchId: s.string(),
    clientId: s.string(),
    format: s.enum(['csv', 'ndjson'] as const),
    /** Rows in the file; `placed + alreadyPlaced + refused`. */
    rows: s.int(),
    placed: s.int(),
    /** Rows whose client reference had been placed before: the account id is that placement's. */
    alreadyPlaced: s.int(),
    /** Rows with problems, nothing placed for them. */
    refused: s.int(),
    receivedAt: s.instant(),
    completedAt: s.instant(),
  }),
});
export type PlacementBatchCompletedV1 = DataOf<typeof PlacementBatchCompleted>;
