import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, STAFF_ROLES, UuidParam } from '@lib/platform';
import { BatchStatusView } from './batch-status.view';
import { GetBatch } from './get-batch.query';

export const BATCH_READERS = ['client', ...STAFF_ROLES] as const;

/** A batch's progress: its own client's, or any for staff. */
@Controller('placements/batches')
export class GetBatchController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':batchId')
  @QueryEndpoint({ roles: [...BATCH_READERS], tag: 'placements', uuidParams: ['batchId'], answer: BatchStatusView, description: 'Counts of rows received, placed, already placed, refused and pending, and the progress.', problems: { 404: 'No such batch, or another client\'s (rule batch-unknown).' } })
  status(@UuidParam('batchId') batchId: string, @CurrentPrincipal() principal: Principal): Promise<BatchStatusView> {
    return this.queries.execute(new GetBatch(batchId, principal));
  }
}
