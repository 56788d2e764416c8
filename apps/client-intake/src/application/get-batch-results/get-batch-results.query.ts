import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { RowResultView } from './row-result.view';

/** Every row of a batch with what became of it, as a stream of lines. */
export class GetBatchResults extends Query<AsyncIterable<RowResultView>> {
  constructor(
    readonly batchId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
