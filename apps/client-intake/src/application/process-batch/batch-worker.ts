import { BadRequestException, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContext, isRejection, nameBasedId, WrongExpectedVersionError } from '@lib/es-core';
import type { StreamAppend } from '@lib/event-store';
import { processForeground } from '@lib/integration';
import { FieldProblem, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import { BATCH_QUEUE_STREAM, BatchCompleted, BatchEvent, BatchQueueEvent, batchRowsStreamId, batchStreamId, ReceivedRow, RowResult, RowsPlaced, RowsReceived } from '../../domain/placement-batch/placement-batch.events';
import { BatchState, evolveBatch } from '../../domain/placement-batch/placement-batch.state';
import { csvFieldOf } from '../place-batch/batch-file';
import { stamped } from '../place-batch/stamped-event';
import { PlaceAccount } from '../place-account/place-account.command';
import { Placement, placementOf } from '../place-account/place-account.handler';
import { InvoiceClaim } from '../place-account/invoice-register';

/** Rows of one chunk placed one by one at once (see placeRows): each is its own account stream, so they never contend. */
const ROWS_IN_FLIGHT = 8;
const RETRY_AFTER_MS = 1_000;

/**
 * Places the rows of sealed batches, chunk by chunk, through the same `PlaceAccount`
 * command as `POST /placements`, and records each chunk's results (`RowsPlaced`) once.
 *
 * Exactly once across crashes: at start it takes up every batch queued and not finished
 * (`placement-batches`), and within a batch every chunk without results. A row's command
 * carries the causation `batch:<id>:row:<n>` with dedupe on, so a row placed before a
 * crash (its chunk's results not yet written) is found, not placed again, and reported
 * as placed with the same account id. Results are appended with the expected version, so
 * two workers on one batch (two replicas) record each chunk once.
 */
@Injectable()
export class BatchWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BatchWorker');
  private readonly queue: string[] = [];
  private running: Promise<void> | undefined;
  private stopping = false;
  private started = false;

  constructor(
    @Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies,
    private readonly commands: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.started = true;
    const events = (await this.deps.eventStore.readStream(BATCH_QUEUE_STREAM)) as unknown as BatchQueueEvent[];
    const finished = new Set(events.filter((event) => event.type === 'BatchFinished').map((event) => event.data.batchId));
    for (const event of events) if (event.type === 'BatchQueued' && !finished.has(event.data.batchId)) this.enqueue(event.data.batchId);
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  /** A sealed batch to place; idempotent (a batch already queued is not queued twice). */
  enqueue(batchId: string): void {
    if (!this.queue.includes(batchId)) this.queue.push(batchId);
    this.kick();
  }

  /** Resolves once nothing is queued (tests and the bench wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private kick(): void {
    if (this.running || !this.started || this.stopping) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.queue.length > 0 && !this.stopping) setTimeout(() => this.kick(), RETRY_AFTER_MS).unref();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.stopping) {
      const batchId = this.queue[0];
      try {
        // The rows first: consumers in this process take up the accounts once the batch is placed.
        await processForeground.during(() => this.process(batchId));
        this.queue.shift();
      } catch (error) {
        // The store or the bus failed: the batch stays first in line and is taken up again.
        this.logger.error({ msg: `batch ${batchId} interrupted; retrying`, err: error instanceof Error ? error.message : String(error) });
        return;
      }
    }
  }

  private async process(batchId: string): Promise<void> {
    const store = this.deps.eventStore;
    const events = (await store.readStream(batchStreamId(batchId))) as unknown as BatchEvent[];
    let state = events.reduce<BatchState | undefined>(evolveBatch, undefined);
    let version = events.length - 1;
    if (!state || state.status !== 'processing') return;
    for (let chunk = 0; chunk < state.chunks; chunk++) {
      if (state.chunksPlaced.has(chunk)) continue;
      // The embedded database answers through promises only: without a turn of the event loop
      // between chunks, a batch would hold every HTTP request (its own status too) until it ends.
      await new Promise((resolve) => setImmediate(resolve));
      const [received] = (await store.readStream(batchRowsStreamId(batchId), { fromVersion: chunk, toVersion: chunk })) as unknown as RowsReceived[];
      const fieldOf = state.format === 'csv' ? csvFieldOf : (field: string) => field;
      const results = (await this.placeRows(state.clientId, batchId, received.data.rows)).map((result) =>
        result.outcome === 'refused' ? { ...result, problems: result.problems.map((problem) => ({ ...problem, field: fieldOf(problem.field) })) } : result,
      );
      if (this.stopping) return;
      const event: RowsPlaced = { type: 'RowsPlaced', data: { chunk, results } };
      try {
        await store.appendToStream(batchStreamId(batchId), [stamped(event, this.contextFor(state.clientId, batchId, `batch:${batchId}:chunk:${chunk}`))], { expectedVersion: version });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        return this.process(batchId); // another worker recorded a chunk: go on from what is stored
      }
      version += 1;
      state = evolveBatch(state, event)!;
    }
    const context = this.contextFor(state.clientId, batchId, `batch:${batchId}:completed`);
    await store.appendToStream(
      batchStreamId(batchId),
      [stamped({ type: 'BatchCompleted', data: completionOf(state, context.now) }, context)],
      { expectedVersion: version },
    );
    await store.appendToStream(BATCH_QUEUE_STREAM, [stamped({ type: 'BatchFinished', data: { batchId } }, context)], { expectedVersion: 'any' });
  }

  /**
   * The chunk's rows, cheapest first: every row that is a new third-party account without a
   * tax id to claim, and the first of its reference in the chunk, is decided here and the
   * accounts are appended together in one `appendToStreams` call, each stream created only
   * if absent (expected `no_stream`). Every other row, and every row whose account stream
   * was already there (placed before, or by this batch before a crash), goes through
   * `PlaceAccount` one by one, as `POST /placements` does: the invoice register, the
   * agreement for pre-collection, the duplicate reference, the row found by its causation.
   */
  private async placeRows(clientId: string, batchId: string, rows: ReceivedRow[]): Promise<RowResult[]> {
    const results: RowResult[] = new Array(rows.length);
    const oneByOne: number[] = [];
    const together: { index: number; accountId: string; clientReference: string; append: StreamAppend }[] = [];
    const accounts = new Set<string>();
    rows.forEach((received, index) => {
      const { row } = received;
      if ('problems' in received) {
        results[index] = { row, outcome: 'refused', problems: received.problems };
        return;
      }
      const context = this.rowContext(clientId, batchId, row);
      let placement: Placement;
      try {
        placement = placementOf(received.placement, context);
      } catch (error) {
        results[index] = refusedRow(row, error);
        return;
      }
      const { accountId, clientReference, command, needsAgreement, claim } = placement;
      const first = !accounts.has(accountId);
      accounts.add(accountId);
      const decision = first && !needsAgreement && !needsClaim(claim) ? accountDecider.decide(command, accountDecider.initialState()) : undefined;
      if (!decision || isRejection(decision) || decision.length === 0) {
        oneByOne.push(index);
        return;
      }
      together.push({ index, accountId, clientReference, append: { streamId: accountStreamId(accountId), events: decision.map((event) => stamped(event, context)), expectedVersion: 'no_stream' } });
    });
    const outcomes = together.length > 0 ? await this.deps.eventStore.appendToStreams(together.map((entry) => entry.append)) : [];
    outcomes.forEach((outcome, position) => {
      const { index, accountId, clientReference } = together[position];
      if (outcome.appended) results[index] = { row: rows[index].row, outcome: 'placed', accountId, clientReference };
      else oneByOne.push(index);
    });
    oneByOne.sort((a, b) => a - b);
    let next = 0;
    const lane = async () => {
      while (next < oneByOne.length && !this.stopping) {
        const index = oneByOne[next++];
        results[index] = await this.placeRow(clientId, batchId, rows[index]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(ROWS_IN_FLIGHT, oneByOne.length) }, lane));
    return results;
  }

  private async placeRow(clientId: string, batchId: string, received: ReceivedRow): Promise<RowResult> {
    const { row } = received;
    if ('problems' in received) return { row, outcome: 'refused', problems: received.problems };
    try {
      const answer = await this.commands.execute(new PlaceAccount(received.placement, this.rowContext(clientId, batchId, row)));
      return { row, outcome: 'placed', accountId: answer.accountId, clientReference: answer.clientReference };
    } catch (error) {
      if (error instanceof Refused && error.rule === 'client-reference-unique') {
        const clientReference = (received.placement as { clientReference: string }).clientReference;
        return { row, outcome: 'already-placed', accountId: nameBasedId(`placement:${clientId}`, clientReference), clientReference };
      }
      return refusedRow(row, error);
    }
  }

  /** A row is placed as the batch's client, caused by the row: found again by that causation after a crash. */
  private rowContext(clientId: string, batchId: string, row: number): CommandContext {
    return this.contextFor(clientId, batchId, `batch:${batchId}:row:${row}`);
  }

  private contextFor(clientId: string, batchId: string, causationId: string): CommandContext {
    return {
      principal: { role: 'client', id: clientId },
      correlationId: `batch:${batchId}`,
      causationId,
      now: this.deps.clock.now(),
      newId: this.deps.newId,
      dedupeByCausation: true,
    };
  }
}

/** The batch's counts and who sent what: all the `batch.finished` webhook tells, published from this one event. */
function completionOf(state: BatchState, now: Date): BatchCompleted['data'] {
  const { batchId, clientId, format, received, receivedAt, placed, alreadyPlaced, refused } = state;
  return { placed, alreadyPlaced, refused, completedAt: now.toISOString(), batchId, clientId, format, rows: received, receivedAt };
}

/** A refusal as the row's result, every problem listed; anything else is no refusal and is thrown on. */
function refusedRow(row: number, error: unknown): RowResult {
  if (error instanceof Refused) return { row, outcome: 'refused', problems: problemsOf(error.details.problems) ?? [{ field: 'row', reason: error.message }] };
  if (error instanceof BadRequestException) {
    const problems = problemsOf((error.getResponse() as { problems?: unknown }).problems);
    return { row, outcome: 'refused', problems: problems ?? [{ field: 'row', reason: error.message }] };
  }
  throw error;
}

/** A placement with a tax id and invoices claims them in the debtor's invoice register first (withInvoicesClaimed). */
function needsClaim(claim: InvoiceClaim): boolean {
  return claim.taxId !== undefined && claim.invoiceNumbers.length > 0;
}

function problemsOf(value: unknown): FieldProblem[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return (value as FieldProblem[]).map(({ field, reason }) => ({ field, reason }));
}
