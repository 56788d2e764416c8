import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { TrustLedgerView } from './trust-ledger.view';

export class GetTrustLedger extends Query<TrustLedgerView> {
  constructor(
    readonly clientId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
