import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { RemittanceSummaryView } from '../get-remittance/remittance.view';

/** A client's issued statements, oldest first; a client reads only its own. */
export class ListRemittances extends Query<RemittanceSummaryView[]> {
  constructor(
    readonly clientId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
