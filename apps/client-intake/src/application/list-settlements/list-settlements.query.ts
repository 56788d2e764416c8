import { Query } from '@nestjs/cqrs';
import type { ClientSettlementView } from './client-settlement.view';

/** The settlements of one of the calling client's accounts that were put to it. */
export class ListSettlements extends Query<ClientSettlementView[]> {
  constructor(
    readonly accountId: string,
    readonly clientId: string,
  ) {
    super();
  }
}
