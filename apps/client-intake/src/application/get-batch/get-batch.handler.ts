import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { pendingRows } from '../../domain/placement-batch/placement-batch.state';
import { BatchStatusReader } from './batch-status.reader';
import { BatchStatusView } from './batch-status.view';
import { GetBatch } from './get-batch.query';

@QueryHandler(GetBatch)
export class GetBatchHandler implements IQueryHandler<GetBatch> {
  constructor(private readonly batches: BatchStatusReader) {}

  async execute({ batchId, principal }: GetBatch): Promise<BatchStatusView> {
    const state = await this.batches.read(batchId, principal);
    const pending = pendingRows(state);
    const done = state.received - pending;
    return {
      batchId: state.batchId,
      clientId: state.clientId,
      format: state.format,
      status: state.status,
      received: state.received,
      placed: state.placed,
      alreadyPlaced: state.alreadyPlaced,
      refused: state.refused,
      pending,
      progress: state.status === 'completed' ? 1 : state.received === 0 ? 0 : Math.floor((done / state.received) * 1000) / 1000,
      receivedAt: state.receivedAt,
      completedAt: state.completedAt ?? null,
      ...(state.refusal ? { refusal: state.refusal } : {}),
    };
  }
}
