import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { LiquidationView } from './liquidation.view';

export class GetLiquidation extends Query<LiquidationView> {
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
