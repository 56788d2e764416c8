import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { BatchStatusView } from './batch-status.view';

/** A batch's status, for its own client or staff. */
export class GetBatch extends Query<BatchStatusView> {
  constructor(
    readonly batchId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
