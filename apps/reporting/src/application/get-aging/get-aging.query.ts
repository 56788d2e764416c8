import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { AgingView } from './aging.view';

export class GetAging extends Query<AgingView> {
  constructor(
    /** Null: the agency, every client. */
    readonly clientId: string | null,
    /** `YYYY-MM-DD`; today when absent. */
    readonly asOf: string | undefined,
    readonly principal: Principal,
  ) {
    super();
  }
}
