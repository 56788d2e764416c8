import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@lib/es-core';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import { IntakeDependencies } from '../../client-intake.dependencies';
import { BatchEvent, batchStreamId } from '../../domain/placement-batch/placement-batch.events';
import { BatchState, evolveBatch } from '../../domain/placement-batch/placement-batch.state';

const KEPT_BATCHES = 1_000;

/**
 * Folds a batch's stream for its status, keeping the fold between reads: a client polling
 * a 100,000-row batch reads only the events appended since its last poll, not the results
 * of every row again. The store stays the truth: every read catches up from it.
 */
@Injectable()
export class BatchStatusReader {
  private readonly folded = new Map<string, { state: BatchState | undefined; version: number }>();

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  /** The batch as `principal` may see it: its own client's or any for staff; otherwise 404, as for a batch that does not exist. */
  async read(batchId: string, principal: Principal): Promise<BatchState> {
    const known = this.folded.get(batchId) ?? { state: undefined, version: -1 };
    const events = (await this.deps.eventStore.readStream(batchStreamId(batchId), { fromVersion: known.version + 1 })) as unknown as BatchEvent[];
    const current = { state: events.reduce(evolveBatch, known.state), version: known.version + events.length };
    this.folded.delete(batchId);
    if (current.state) this.folded.set(batchId, current);
    if (this.folded.size > KEPT_BATCHES) this.folded.delete(this.folded.keys().next().value!);
    const state = current.state;
    if (!state || (principal.role === 'client' && principal.id !== state.clientId)) throw new NotFoundException({ message: `batch ${batchId} not found`, rule: 'batch-unknown' });
    return state;
  }
}
