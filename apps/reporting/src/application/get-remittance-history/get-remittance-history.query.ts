import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { RemittanceHistoryView } from './remittance-history.view';

export class GetRemittanceHistory extends Query<RemittanceHistoryView> {
  constructor(
    readonly clientId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
